package org.pingzhi.dispatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WriteBatcherTest {

    /** The batches written, each answered when the test says. */
    private final List<List<String>> batches = new ArrayList<>();

    private final List<CompletableFuture<List<Throwable>>> answers = new ArrayList<>();

    private final WriteBatcher<String> batcher = new WriteBatcher<>(recording(batches, answers));

    /**
     * A batch writer that records each batch in {@code batches} and its answer in {@code answers}.
     */
    private static WriteBatcher.Batch<String> recording(
            List<List<String>> batches, List<CompletableFuture<List<Throwable>>> answers) {
        return items -> {
            batches.add(items);
            CompletableFuture<List<Throwable>> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        };
    }

    private static List<Throwable> allWritten(int items) {
        return Arrays.asList(new Throwable[items]);
    }

    @Test
    void aLoneWriteGoesAtOnce() {
        CompletableFuture<Void> written = batcher.submit("a");

        assertThat(batches).containsExactly(List.of("a"));
        answers.get(0).complete(allWritten(1));
        assertThat(written).isCompleted();
    }

    @Test
    void writesThatComeWhileABatchIsInFlightGoTogetherWhenItIsAnswered() {
        CompletableFuture<Void> first = batcher.submit("a");
        CompletableFuture<Void> second = batcher.submit("b");
        CompletableFuture<Void> third = batcher.submit("c");

        assertThat(batches).containsExactly(List.of("a"));
        assertThat(second).isNotDone();
        answers.get(0).complete(allWritten(1));

        assertThat(first).isCompleted();
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(second).isNotDone();
        answers.get(1).complete(allWritten(2));
        assertThat(second).isCompleted();
        assertThat(third).isCompleted();
    }

    @Test
    void anItemsOwnFailureFailsOnlyThatItem() {
        batcher.submit("a");
        CompletableFuture<Void> kept = batcher.submit("b");
        CompletableFuture<Void> conflicting = batcher.submit("c");
        answers.get(0).complete(allWritten(1));

        IOException conflict = new IOException("409");
        answers.get(1).complete(Arrays.asList(null, conflict));

        assertThat(kept).isCompleted();
        assertThat(conflicting).isCompletedExceptionally();
        assertThat(conflicting.handle((ok, failure) -> failure).join()).isSameAs(conflict);
    }

    @Test
    void aFailedBatchFailsItsItemsAndTheNextBatchStillGoes() {
        CompletableFuture<Void> lost = batcher.submit("a");
        CompletableFuture<Void> next = batcher.submit("b");

        answers.get(0).completeExceptionally(new IOException("connection refused"));

        assertThat(lost).isCompletedExceptionally();
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
        answers.get(1).complete(allWritten(1));
        assertThat(next).isCompleted();
    }

    @Test
    void aLaneOfTwoSendsASecondWriteWhileOneIsInFlightAndBatchesOnlyBeyond() {
        WriteBatcher<String> two = new WriteBatcher<>(recording(batches, answers), 2, null);

        CompletableFuture<Void> first = two.submit("a");
        CompletableFuture<Void> second = two.submit("b");
        two.submit("c");
        two.submit("d");

        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
        answers.get(1).complete(allWritten(1));
        assertThat(second).isCompleted();
        assertThat(first).isNotDone();
        assertThat(batches).containsExactly(List.of("a"), List.of("b"), List.of("c", "d"));
    }

    @Test
    void aLaneThatYieldsStartsNoRequestWhileTheFirstLaneHasWritesWaiting() {
        List<List<String>> auditBatches = new ArrayList<>();
        List<CompletableFuture<List<Throwable>>> auditAnswers = new ArrayList<>();
        WriteBatcher<String> audit =
                new WriteBatcher<>(recording(auditBatches, auditAnswers), 1, batcher);

        batcher.submit("claim-1");
        batcher.submit("claim-2");
        CompletableFuture<Void> outcome = audit.submit("outcome");

        assertThat(auditBatches).as("a claim waits: the audit lets it go first").isEmpty();
        answers.get(0).complete(allWritten(1));

        assertThat(batches).containsExactly(List.of("claim-1"), List.of("claim-2"));
        assertThat(auditBatches)
                .as("the claims are all on their way")
                .containsExactly(List.of("outcome"));
        auditAnswers.get(0).complete(allWritten(1));
        assertThat(outcome).isCompleted();
    }

    @Test
    void aLaneThatYieldsGoesWhileTheFirstLaneHasOnlyWritesInFlight() {
        List<List<String>> auditBatches = new ArrayList<>();
        WriteBatcher<String> audit =
                new WriteBatcher<>(recording(auditBatches, new ArrayList<>()), 1, batcher);

        batcher.submit("claim");
        audit.submit("outcome");

        assertThat(auditBatches).containsExactly(List.of("outcome"));
    }
}
