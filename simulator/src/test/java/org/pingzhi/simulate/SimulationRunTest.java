package org.pingzhi.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pingzhi.common.model.Source;

class SimulationRunTest {

    private static final long START = TrafficSample.START.toEpochMilli();

    private final CollectingSink sink = new CollectingSink();
    private final ByteArrayOutputStream status = new ByteArrayOutputStream();

    @Test
    void flatOutEverythingIsSentInOrder() throws Exception {
        List<SimulatedRecord> records = records(0, 1_000, 2_000);

        SentCounts sent = run(records, Double.POSITIVE_INFINITY, new CountDownLatch(1));

        assertThat(sink.sent).isEqualTo(records);
        assertThat(sent.total()).isEqualTo(3);
        assertThat(sent.hotline()).isEqualTo(2);
        assertThat(sent.police()).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void pacedRecordsWaitForTheirSimulatedTime() throws Exception {
        // at 100x, two simulated seconds take 20 ms of wall time
        List<SimulatedRecord> records = records(0, 1_000, 2_000);
        long began = System.nanoTime();

        run(records, 100, new CountDownLatch(1));

        assertThat((System.nanoTime() - began) / 1_000_000).isGreaterThanOrEqualTo(19);
        assertThat(sink.sent).isEqualTo(records);
    }

    @Test
    @Timeout(30)
    void aStopEndsTheRunWithoutWaitingForTheNextRecord() throws Exception {
        // at real time the second record would be due in an hour
        List<SimulatedRecord> records = records(0, 3_600_000);
        CountDownLatch stop = new CountDownLatch(1);
        sink.afterSend = stop::countDown;

        SentCounts sent = run(records, 1, stop);

        assertThat(sent.total()).isEqualTo(1);
        assertThat(sink.sent).containsExactly(records.get(0));
    }

    @Test
    void statusLinesCountAndShowTheSimulatedClockButNoContent() {
        SentCounts counts = new SentCounts();
        records(0, 1_000, 2_000).forEach(counts::add);

        assertThat(counts.line(START + 37_815_000))
                .isEqualTo("sent 12345: 2  110: 1  | simulated clock 2026-11-28 10:30:15+08:00");
    }

    private SentCounts run(List<SimulatedRecord> records, double speed, CountDownLatch stop)
            throws Exception {
        long now = System.currentTimeMillis();
        SimulationRun run =
                new SimulationRun(
                        records,
                        new Pacer(START, now, speed),
                        Clock.systemUTC(),
                        stop,
                        new PrintStream(status, true, StandardCharsets.UTF_8));
        return run.sendAll(sink);
    }

    /** Records at these offsets from the start: 12345, 110, 12345, ... */
    private static List<SimulatedRecord> records(long... offsets) {
        List<SimulatedRecord> records = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            Source source = i % 2 == 0 ? Source.HOTLINE_12345 : Source.POLICE_110;
            long at = START + offsets[i];
            records.add(
                    new SimulatedRecord(
                            source,
                            "ID" + i,
                            ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                            at,
                            at,
                            false,
                            null));
        }
        return records;
    }

    private static final class CollectingSink implements RecordSink {
        final List<SimulatedRecord> sent = new ArrayList<>();
        Runnable afterSend = () -> {};

        @Override
        public void send(SimulatedRecord record) {
            sent.add(record);
            afterSend.run();
        }

        @Override
        public void close() {}

        @Override
        public String describe() {
            return "memory";
        }
    }
}
