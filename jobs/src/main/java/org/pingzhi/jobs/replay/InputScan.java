package org.pingzhi.jobs.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.jobs.time.ReplayWatermarks;

/**
 * A first pass over a replay input: how many records it holds, the latest event time of its valid
 * records and the watermarks its records allow. Deadlines after the replay's horizon (the latest of
 * all inputs) must not fire, and only a pass over all inputs knows it before the job's timers do.
 *
 * @param records non-blank lines read
 * @param horizon the latest valid event time, or {@link Long#MIN_VALUE} without valid records
 * @param watermarks the watermarks the file can carry without making any of its records late
 */
public record InputScan(long records, long horizon, ReplayWatermarks watermarks) {

    /**
     * Scans one input file as records of {@code source}, with a watermark step of {@code
     * watermarkStepRecords} records.
     */
    public static InputScan of(
            Path file, Source source, Normalizer normalizer, int watermarkStepRecords)
            throws IOException {
        long records = 0;
        long horizon = Long.MIN_VALUE;
        ReplayWatermarks.Builder watermarks = new ReplayWatermarks.Builder(watermarkStepRecords);
        try (InputStream in = Files.newInputStream(file);
                JsonlLineReader lines = new JsonlLineReader(in)) {
            for (JsonlLineReader.Line line = lines.next(); line != null; line = lines.next()) {
                records++;
                OptionalLong eventTime =
                        normalizer.acceptedEventTime(
                                source, line.toRawRecord(source.defaultTopic()));
                if (eventTime.isPresent()) {
                    horizon = Math.max(horizon, eventTime.getAsLong());
                    watermarks.accepted(eventTime.getAsLong());
                } else {
                    watermarks.rejected();
                }
            }
        }
        return new InputScan(records, horizon, watermarks.build());
    }
}
