package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.sink.elasticsearch.DocumentWriteQueueTest.write;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BulkOutcomeTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void successful_items_are_written() {
        List<ElasticsearchRequestEntry> batch = List.of(write("a", 1), write("b", 1));

        BulkOutcome outcome =
                BulkOutcome.ofResponse(batch, response(item(201, null), item(200, null)), POLICY);

        assertThat(outcome.written()).isEqualTo(2);
        assertThat(outcome.retries()).isEmpty();
        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.fatal()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void items_failing_with_429_or_5xx_are_retried_with_one_more_failed_attempt(int status) {
        List<ElasticsearchRequestEntry> batch = List.of(write("a", 1), write("b", 1));

        BulkOutcome outcome =
                BulkOutcome.ofResponse(
                        batch, response(item(201, null), item(status, "some_exception")), POLICY);

        assertThat(outcome.written()).isEqualTo(1);
        assertThat(outcome.retries()).containsExactly(write("b", 1).afterFailedAttempt());
        assertThat(outcome.retryDelayMillis()).isEqualTo(100);
        assertThat(outcome.rejected()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 409, 413})
    void items_failing_with_other_4xx_are_rejected_with_the_error_at_once(int status) {
        List<ElasticsearchRequestEntry> batch = List.of(write("a", 1));

        BulkOutcome outcome =
                BulkOutcome.ofResponse(
                        batch, response(item(status, "document_parsing_exception")), POLICY);

        assertThat(outcome.retries()).isEmpty();
        assertThat(outcome.rejected())
                .singleElement()
                .satisfies(
                        rejected -> {
                            assertThat(rejected.index()).isEqualTo("index");
                            assertThat(rejected.id()).isEqualTo("a");
                            assertThat(rejected.sourceAsString()).isEqualTo("{\"version\":1}");
                            assertThat(rejected.status()).isEqualTo(status);
                            assertThat(rejected.errorType())
                                    .isEqualTo("document_parsing_exception");
                            assertThat(rejected.errorReason())
                                    .isEqualTo("reason of document_parsing_exception");
                            assertThat(rejected.attempts()).isEqualTo(1);
                        });
    }

    @Test
    void an_item_that_keeps_failing_is_rejected_once_its_retries_are_exhausted() {
        ElasticsearchRequestEntry lastChance = failedTimes(write("a", 1), 3);
        ElasticsearchRequestEntry oneMore = failedTimes(write("b", 1), 2);

        BulkOutcome outcome =
                BulkOutcome.ofResponse(
                        List.of(lastChance, oneMore),
                        response(item(429, "es_rejected_execution_exception"), item(503, "x")),
                        POLICY);

        assertThat(outcome.retries()).containsExactly(failedTimes(write("b", 1), 3));
        assertThat(outcome.retryDelayMillis()).isEqualTo(400);
        assertThat(outcome.rejected())
                .singleElement()
                .satisfies(
                        rejected -> {
                            assertThat(rejected.id()).isEqualTo("a");
                            assertThat(rejected.status()).isEqualTo(429);
                            assertThat(rejected.errorType())
                                    .isEqualTo(RejectedDocument.RETRIES_EXHAUSTED);
                            assertThat(rejected.errorReason())
                                    .contains("4 attempts")
                                    .contains("es_rejected_execution_exception");
                            assertThat(rejected.attempts()).isEqualTo(4);
                        });
    }

    @Test
    void a_response_that_does_not_match_the_batch_fails_the_job() {
        BulkOutcome outcome = BulkOutcome.ofResponse(List.of(write("a", 1)), response(), POLICY);

        assertThat(outcome.fatal()).hasMessageContaining("0 items for 1 operations");
    }

    @Test
    void connection_trouble_retries_the_whole_batch() {
        List<ElasticsearchRequestEntry> batch =
                List.of(write("a", 1), failedTimes(write("b", 1), 1));

        BulkOutcome outcome =
                BulkOutcome.ofFailure(
                        batch, new CompletionException(new ConnectException("refused")), POLICY);

        assertThat(outcome.fatal()).isNull();
        assertThat(outcome.retries())
                .containsExactly(write("a", 1).afterFailedAttempt(), failedTimes(write("b", 1), 2));
        assertThat(outcome.retryDelayMillis()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void an_overloaded_or_failing_server_retries_the_whole_batch(int status) {
        BulkOutcome outcome =
                BulkOutcome.ofFailure(List.of(write("a", 1)), serverError(status), POLICY);

        assertThat(outcome.fatal()).isNull();
        assertThat(outcome.retries()).containsExactly(write("a", 1).afterFailedAttempt());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 413})
    void a_request_refused_for_good_fails_the_job_with_the_reason(int status) {
        BulkOutcome outcome =
                BulkOutcome.ofFailure(List.of(write("a", 1)), serverError(status), POLICY);

        assertThat(outcome.fatal())
                .hasMessageContaining("not retryable")
                .hasMessageContaining("HTTP " + status);
        assertThat(outcome.retries()).isEmpty();
        assertThat(outcome.rejected()).isEmpty();
    }

    @Test
    void a_server_unavailable_beyond_the_retry_budget_fails_the_job() {
        BulkOutcome outcome =
                BulkOutcome.ofFailure(
                        List.of(write("a", 1), failedTimes(write("b", 1), 3)),
                        new IOException("connection reset"),
                        POLICY);

        assertThat(outcome.fatal())
                .hasMessageContaining("unavailable")
                .hasMessageContaining("4 times")
                .hasMessageContaining("connection reset");
    }

    @Test
    void an_error_of_the_client_itself_fails_the_job() {
        BulkOutcome outcome =
                BulkOutcome.ofFailure(
                        List.of(write("a", 1)), new IllegalStateException("closed"), POLICY);

        assertThat(outcome.fatal()).hasMessageContaining("closed");
    }

    private static ElasticsearchRequestEntry failedTimes(ElasticsearchRequestEntry entry, int n) {
        ElasticsearchRequestEntry failed = entry;
        for (int i = 0; i < n; i++) {
            failed = failed.afterFailedAttempt();
        }
        return failed;
    }

    private static ElasticsearchException serverError(int status) {
        return new ElasticsearchException(
                "es/bulk",
                ErrorResponse.of(
                        response ->
                                response.status(status)
                                        .error(
                                                error ->
                                                        error.type("some_exception")
                                                                .reason("no"))));
    }

    private static BulkResponseItem item(int status, String errorType) {
        return BulkResponseItem.of(
                item -> {
                    item.operationType(OperationType.Index).index("index").status(status);
                    if (errorType != null) {
                        item.error(error -> error.type(errorType).reason("reason of " + errorType));
                    }
                    return item;
                });
    }

    private static BulkResponse response(BulkResponseItem... items) {
        List<BulkResponseItem> all = new ArrayList<>(List.of(items));
        boolean errors = all.stream().anyMatch(item -> item.error() != null);
        return BulkResponse.of(response -> response.errors(errors).took(1).items(all));
    }
}
