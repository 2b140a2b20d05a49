package org.pingzhi.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TrafficSimulatorTest {

    private static final Instant START = Instant.parse("2026-11-27T16:00:00Z");

    @Test
    void sameSeedSameStartSameOptionsGiveIdenticalRecords() {
        SimulationSettings settings = SimulationSettings.of(7, START).withRecordLimit(20_000);
        TrafficSimulator simulator = new TrafficSimulator(settings);

        String first = digest(simulator);

        assertThat(digest(simulator)).as("iterating again").isEqualTo(first);
        assertThat(digest(new TrafficSimulator(settings))).as("a new simulator").isEqualTo(first);
    }

    @Test
    void anotherSeedOrStartOrVolumeGivesOtherTraffic() {
        SimulationSettings settings = SimulationSettings.of(7, START).withRecordLimit(5_000);
        String base = digest(new TrafficSimulator(settings));

        assertThat(digest(new TrafficSimulator(withSeed(settings, 8)))).isNotEqualTo(base);
        assertThat(
                        digest(
                                new TrafficSimulator(
                                        new SimulationSettings(
                                                7,
                                                START.plusSeconds(60),
                                                null,
                                                5_000,
                                                settings.incidentsPerDay()))))
                .isNotEqualTo(base);
        assertThat(digest(new TrafficSimulator(settings.withIncidentsPerDay(3_000))))
                .isNotEqualTo(base);
    }

    @Test
    void emissionTimesNeverGoBack() {
        List<SimulatedRecord> records = TrafficSample.records();
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).emitAtMillis())
                    .as("record %d: %s", i, records.get(i))
                    .isGreaterThanOrEqualTo(records.get(i - 1).emitAtMillis());
        }
    }

    @Test
    void recordLimitStopsTheStreamAtExactlyThatMany() {
        SimulationSettings settings = SimulationSettings.of(3, START).withRecordLimit(1_234);

        assertThat(new TrafficSimulator(settings).stream().count()).isEqualTo(1_234);
    }

    @Test
    void durationBoundsTheEventTimesNotTheLateEmissions() {
        Duration sixHours = Duration.ofHours(6);
        SimulationSettings settings = SimulationSettings.of(5, START).withDuration(sixHours);
        long end = START.plus(sixHours).toEpochMilli();

        List<SimulatedRecord> records = new TrafficSimulator(settings).stream().toList();

        assertThat(records).isNotEmpty();
        assertThat(records)
                .allSatisfy(
                        record ->
                                assertThat(record.eventTimeMillis())
                                        .isGreaterThanOrEqualTo(START.toEpochMilli())
                                        .isLessThan(end));
        assertThat(records.get(records.size() - 1).emitAtMillis())
                .isLessThanOrEqualTo(end + Delivery.MAX_DELAY_MILLIS);
    }

    @Test
    void startIsCutToWholeSecondsLikeTheUpstreamTimestamps() {
        SimulationSettings settings =
                SimulationSettings.of(5, START.plusMillis(1_500)).withRecordLimit(200);

        assertThat(settings.start()).isEqualTo(START.plusSeconds(1));
        assertThat(new TrafficSimulator(settings).stream())
                .allSatisfy(record -> assertThat(record.eventTimeMillis() % 1_000).isZero());
    }

    @Test
    @Timeout(120)
    void unboundedTrafficIsGeneratedAsItIsConsumed() {
        SimulationSettings unbounded = SimulationSettings.of(11, START);

        assertThat(unbounded.duration()).isNull();
        assertThat(new TrafficSimulator(unbounded).stream().limit(30_000).count())
                .isEqualTo(30_000);
    }

    private static SimulationSettings withSeed(SimulationSettings settings, long seed) {
        return new SimulationSettings(
                seed,
                settings.start(),
                settings.duration(),
                settings.recordLimit(),
                settings.incidentsPerDay());
    }

    /** A digest of everything about every record: bytes, keys, times, flags. */
    static String digest(Iterable<SimulatedRecord> records) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer numbers = ByteBuffer.allocate(3 * Long.BYTES);
        for (SimulatedRecord record : records) {
            sha.update(record.source().code().getBytes(StandardCharsets.UTF_8));
            sha.update(record.key().getBytes(StandardCharsets.UTF_8));
            sha.update(record.value());
            numbers.clear();
            numbers.putLong(record.emitAtMillis())
                    .putLong(record.eventTimeMillis())
                    .putLong(record.duplicate() ? 1 : 0);
            sha.update(numbers.array());
            sha.update(String.valueOf(record.defect()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
