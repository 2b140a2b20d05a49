package org.pingzhi.jobs.sink.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a whole bulk request failed, and whether sending it again can help: yes for connection
 * trouble and timeouts (no HTTP status) and for every HTTP answer but 400 and 413 — 429, 5xx, and
 * also 401, 403 or 404 (credentials, privileges or a proxy's route being fixed): the writes are
 * held until the cluster takes them. 413 (the body is too large for the server or a proxy in front
 * of it) asks for smaller requests. No for 400 (a request the client should never have built) and
 * for errors of the client itself.
 *
 * @param status the HTTP status, 0 when no response arrived
 * @param type Elasticsearch's error type, or the exception's class name
 * @param reason what went wrong
 * @param retryable whether another attempt of the same request may succeed
 */
record BulkRequestFailure(int status, String type, String reason, boolean retryable) {

    private static final int HTTP_BAD_REQUEST = 400;
    private static final int HTTP_PAYLOAD_TOO_LARGE = 413;

    static BulkRequestFailure of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ElasticsearchException e) {
            String type = e.error() == null ? "elasticsearch_exception" : e.error().type();
            String reason = e.error() == null ? e.getMessage() : e.error().reason();
            return withStatus(e.status(), type, reason);
        }
        if (cause instanceof TransportException e && e.response() != null) {
            return withStatus(e.statusCode(), "transport_exception", e.getMessage());
        }
        if (cause instanceof ResponseException e) {
            return withStatus(
                    e.getResponse().getStatusCode(), "response_exception", e.getMessage());
        }
        boolean connectionTrouble = cause instanceof IOException;
        return new BulkRequestFailure(
                0,
                cause.getClass().getName(),
                String.valueOf(cause.getMessage()),
                connectionTrouble);
    }

    private static BulkRequestFailure withStatus(int status, String type, String reason) {
        boolean retryable = status != HTTP_BAD_REQUEST && status != HTTP_PAYLOAD_TOO_LARGE;
        return new BulkRequestFailure(status, type, String.valueOf(reason), retryable);
    }

    /** Whether the request body was too large: smaller requests may pass. */
    boolean tooLarge() {
        return status == HTTP_PAYLOAD_TOO_LARGE;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    String describe() {
        return (status == 0 ? "no response" : "HTTP " + status) + ", " + type + ": " + reason;
    }
}
