package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.sink.elasticsearch.DocumentWriteQueueTest.write;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BulkOutcomeTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1));

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
    @CsvSource({
        "429, es_rejected_execution_exception",
        "429, cluster_block_exception",
        "403, cluster_block_exception",
        "403, security_exception",
        "404, index_not_found_exception",
        "400, validation_exception",
        "500, some_exception",
        "503, unavailable_shards_exception",
        "504, some_exception",
        "418, unknown_to_the_sink"
    })
    void documents_the_cluster_cannot_take_for_now_are_held_with_one_more_failed_attempt(
            int status, String errorType) {
        List<ElasticsearchRequestEntry> batch = List.of(write("a", 1), write("b", 1));

        BulkOutcome outcome =
                BulkOutcome.ofResponse(
                        batch, response(item(201, null), item(status, errorType)), POLICY);

        assertThat(outcome.written()).isEqualTo(1);
        assertThat(outcome.retries()).containsExactly(write("b", 1).afterFailedAttempt());
        assertThat(outcome.retryDelayMillis()).isEqualTo(100);
        assertThat(outcome.heldBecause()).contains(String.valueOf(status)).contains(errorType);
        assertThat(outcome.rejected()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "document_parsing_exception",
                "mapper_parsing_exception",
                "illegal_argument_exception"
            })
    void documents_refused_with_400_on_their_own_merits_are_rejected_at_once(String errorType) {
        List<ElasticsearchRequestEntry> batch = List.of(write("a", 1));

        BulkOutcome outcome = BulkOutcome.ofResponse(batch, response(item(400, errorType)), POLICY);

        assertThat(outcome.retries()).isEmpty();
        assertThat(outcome.rejected())
                .singleElement()
                .satisfies(
                        rejected -> {
                            assertThat(rejected.index()).isEqualTo("index");
                            assertThat(rejected.id()).isEqualTo("a");
                            assertThat(rejected.sourceAsString()).isEqualTo("{\"version\":1}");
                            assertThat(rejected.status()).isEqualTo(400);
                            assertThat(rejected.errorType()).isEqualTo(errorType);
                            assertThat(rejected.errorReason()).isEqualTo("reason of " + errorType);
                            assertThat(rejected.attempts()).isEqualTo(1);
                        });
    }

    @Test
    void a_document_is_held_however_often_it_has_failed_with_the_backoff_at_its_cap() {
        ElasticsearchRequestEntry failedOften = failedTimes(write("a", 1), 1_000);

        BulkOutcome outcome =
                BulkOutcome.ofResponse(
                        List.of(failedOften),
                        response(item(429, "es_rejected_execution_exception")),
                        POLICY);

        assertThat(outcome.retries()).containsExactly(failedOften.afterFailedAttempt());
        assertThat(outcome.retryDelayMillis()).isEqualTo(1_000);
        assertThat(outcome.rejected()).isEmpty();
    }

    @Test
    void a_version_conflict_means_a_newer_write_is_there_and_counts_as_done() {
        BulkOutcome outcome =
                BulkOutcome.ofResponse(
                        List.of(write("a", 1), ElasticsearchRequestEntry.deletion("index", "b")),
                        response(
                                item(409, "version_conflict_engine_exception"),
                                item(409, "version_conflict_engine_exception")),
                        POLICY);

        assertThat(outcome.superseded()).isEqualTo(2);
        assertThat(outcome.written()).isZero();
        assertThat(outcome.retries()).isEmpty();
        assertThat(outcome.rejected()).isEmpty();
    }

    @Test
    void deleting_what_is_not_there_is_done() {
        BulkOutcome outcome =
                BulkOutcome.ofResponse(
                        List.of(
                                ElasticsearchRequestEntry.deletion("index", "a"),
                                ElasticsearchRequestEntry.deletion("missing-index", "b")),
                        response(item(404, null), item(404, "index_not_found_exception")),
                        POLICY);

        assertThat(outcome.written()).isEqualTo(2);
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
    @ValueSource(ints = {401, 403, 404, 429, 500, 503})
    void a_request_the_cluster_cannot_take_for_now_holds_the_whole_batch(int status) {
        BulkOutcome outcome =
                BulkOutcome.ofFailure(
                        List.of(write("a", 1), failedTimes(write("b", 1), 100)),
                        serverError(status),
                        POLICY);

        assertThat(outcome.fatal()).isNull();
        assertThat(outcome.retries())
                .containsExactly(
                        write("a", 1).afterFailedAttempt(), failedTimes(write("b", 1), 101));
        assertThat(outcome.retryDelayMillis()).isEqualTo(1_000);
        assertThat(outcome.heldBecause()).contains("HTTP " + status);
    }

    @Test
    void a_request_too_large_comes_back_whole_to_be_split_in_halves() {
        List<ElasticsearchRequestEntry> batch =
                List.of(write("a", 1), write("b", 1), write("c", 1));
        long bytes = batch.stream().mapToLong(ElasticsearchRequestEntry::sizeInBytes).sum();

        BulkOutcome outcome = BulkOutcome.ofFailure(batch, serverError(413), POLICY);

        assertThat(outcome.fatal()).isNull();
        assertThat(outcome.retries()).containsExactlyElementsOf(batch);
        assertThat(outcome.retryDelayMillis()).isZero();
        assertThat(outcome.splitBelowBytes()).isEqualTo(bytes / 2);
        assertThat(outcome.rejected()).isEmpty();
    }

    @Test
    void a_single_document_too_large_for_a_request_is_rejected() {
        BulkOutcome outcome =
                BulkOutcome.ofFailure(List.of(write("a", 1)), serverError(413), POLICY);

        assertThat(outcome.retries()).isEmpty();
        assertThat(outcome.splitBelowBytes()).isZero();
        assertThat(outcome.rejected())
                .singleElement()
                .satisfies(rejected -> assertThat(rejected.status()).isEqualTo(413));
    }

    @Test
    void a_malformed_request_fails_the_job_with_the_reason() {
        BulkOutcome outcome =
                BulkOutcome.ofFailure(List.of(write("a", 1)), serverError(400), POLICY);

        assertThat(outcome.fatal())
                .hasMessageContaining("not retryable")
                .hasMessageContaining("HTTP 400");
        assertThat(outcome.retries()).isEmpty();
        assertThat(outcome.rejected()).isEmpty();
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
