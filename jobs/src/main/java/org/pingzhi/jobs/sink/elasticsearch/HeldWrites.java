package org.pingzhi.jobs.sink.elasticsearch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents whose latest write Elasticsearch could not take and that are held for another
 * attempt, with the age of the oldest such write (from its version: when it entered the writer);
 * and the log of it, loud but rate-limited: a WARN when writes are first held, then at most one per
 * {@value #WARN_INTERVAL_SECONDS} s while they are, and an INFO once all are written.
 *
 * <p>Updated on the task thread; the counts are read by metric reporters.
 */
final class HeldWrites {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);
    static final long WARN_INTERVAL_SECONDS = 30;

    private final LongSupplier clockMillis;
    private final Map<DocumentKey, Long> heldSinceMicros = new HashMap<>();
    private volatile int documents;
    private volatile long oldestSinceMicros;
    private long lastWarnMillis;
    private long firstHeldMillis;
    private long attemptsSinceWarn;

    HeldWrites(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /** Sorts in the answer to {@code batch}: {@code retries} held, every other write done. */
    void completed(List<ElasticsearchRequestEntry> batch, BulkOutcome outcome) {
        Set<DocumentKey> retried = new HashSet<>();
        for (ElasticsearchRequestEntry entry : outcome.retries()) {
            retried.add(entry.key());
            heldSinceMicros.merge(entry.key(), entry.version(), Math::min);
        }
        for (ElasticsearchRequestEntry entry : batch) {
            if (!retried.contains(entry.key())) {
                heldSinceMicros.remove(entry.key());
            }
        }
        int wereHeld = documents;
        documents = heldSinceMicros.size();
        oldestSinceMicros =
                heldSinceMicros.values().stream().mapToLong(Long::longValue).min().orElse(0);
        log(wereHeld, outcome);
    }

    /** How many documents have a write held. */
    int documents() {
        return documents;
    }

    /** How long ago the oldest held write entered the writer; 0 when none is held. */
    long oldestAgeMillis() {
        long oldest = oldestSinceMicros;
        return documents == 0 || oldest == 0
                ? 0
                : Math.max(0, clockMillis.getAsLong() - TimeUnit.MICROSECONDS.toMillis(oldest));
    }

    private void log(int wereHeld, BulkOutcome outcome) {
        long now = clockMillis.getAsLong();
        if (wereHeld == 0 && documents > 0) {
            firstHeldMillis = now;
            lastWarnMillis = now - TimeUnit.SECONDS.toMillis(WARN_INTERVAL_SECONDS);
        }
        attemptsSinceWarn += outcome.retries().size();
        if (documents > 0
                && outcome.heldBecause() != null
                && now - lastWarnMillis >= TimeUnit.SECONDS.toMillis(WARN_INTERVAL_SECONDS)) {
            LOG.warn(
                    "Elasticsearch cannot take {} documents for now; holding them (oldest for {} s,"
                            + " {} failed attempts since the last report), next attempt in {} ms;"
                            + " last: {}",
                    documents,
                    TimeUnit.MILLISECONDS.toSeconds(oldestAgeMillis()),
                    attemptsSinceWarn,
                    outcome.retryDelayMillis(),
                    outcome.heldBecause());
            lastWarnMillis = now;
            attemptsSinceWarn = 0;
        } else if (wereHeld > 0 && documents == 0) {
            LOG.info(
                    "Elasticsearch took every held document; writes were held for {} s",
                    TimeUnit.MILLISECONDS.toSeconds(now - firstHeldMillis));
            attemptsSinceWarn = 0;
        }
    }
}
