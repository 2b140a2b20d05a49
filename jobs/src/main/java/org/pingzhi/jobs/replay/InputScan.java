package org.pingzhi.jobs.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.normalize.Normalizer;

/**
 * A first pass over the replay inputs: how many records they hold and the replay horizon, the
 * latest event time of all valid records. Deadlines after the horizon must not fire, and only a
 * pass over all inputs knows it before the job's timers do.
 *
 * @param records non-blank lines read
 * @param horizon the latest valid event time, or {@link Long#MIN_VALUE} without valid records
 */
public record InputScan(long records, long horizon) {

    private static final InputScan EMPTY = new InputScan(0, Long.MIN_VALUE);

    public static InputScan empty() {
        return EMPTY;
    }

    /** Scans one input file as records of {@code source}. */
    public static InputScan of(Path file, Source source, Normalizer normalizer) throws IOException {
        long records = 0;
        long horizon = Long.MIN_VALUE;
        try (InputStream in = Files.newInputStream(file);
                JsonlLineReader lines = new JsonlLineReader(in)) {
            for (JsonlLineReader.Line line = lines.next(); line != null; line = lines.next()) {
                records++;
                OptionalLong eventTime =
                        normalizer.acceptedEventTime(
                                source, line.toRawRecord(source.defaultTopic()));
                if (eventTime.isPresent()) {
                    horizon = Math.max(horizon, eventTime.getAsLong());
                }
            }
        }
        return new InputScan(records, horizon);
    }

    public InputScan plus(InputScan other) {
        return new InputScan(records + other.records, Math.max(horizon, other.horizon));
    }
}
