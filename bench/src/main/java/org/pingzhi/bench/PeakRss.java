package org.pingzhi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak resident set of a running process: its high-water mark (VmHWM in /proc/PID/status),
 * sampled until it ends, so only the growth of its last sampling interval can be missed.
 */
final class PeakRss implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;

    private final Path status;
    private final AtomicLong peakKib = new AtomicLong();
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(
                    task -> {
                        Thread thread = new Thread(task, "bench-peak-rss");
                        thread.setDaemon(true);
                        return thread;
                    });

    private PeakRss(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
    }

    static PeakRss sample(long pid) {
        PeakRss peak = new PeakRss(pid);
        peak.sampler.scheduleAtFixedRate(peak::sampleOnce, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        return peak;
    }

    /** The highest VmHWM seen, in MiB. */
    long mebibytes() {
        return peakKib.get() / 1024;
    }

    private void sampleOnce() {
        highWaterMarkKib(status).ifPresent(kib -> peakKib.accumulateAndGet(kib, Math::max));
    }

    /** VmHWM of a status file; empty once the process has gone (or on a system without it). */
    static OptionalLong highWaterMarkKib(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(
                            Long.parseLong(line.substring(6).replace("kB", "").trim()));
                }
            }
        } catch (IOException gone) {
            // the process has ended between two samples
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
