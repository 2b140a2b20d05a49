package org.pingzhi.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A simulated week looks like Pinghu's: its curve, sources, towns, lifecycles, SLA mix, noise. */
class TrafficRealismTest {

    private static final long MINUTE = 60_000;
    private static final long DAY = 24 * 60 * MINUTE;

    @Test
    void nightHoursAreQuietAndLateMorningAndEveningBusy() {
        long[] reportsByHour = new long[24];
        for (Observed record : TrafficSample.originals()) {
            if (record.isOwnReport()) {
                reportsByHour[(int) PinghuTime.localHourOfDay(record.eventTime())]++;
            }
        }
        double night = average(reportsByHour, 2, 3, 4, 5);
        double lateMorning = average(reportsByHour, 10, 11);
        double evening = average(reportsByHour, 19, 20);

        // expected about 0.11 of the peaks; the noise over a week is a few percent
        assertThat(night).isLessThan(0.3 * lateMorning).isLessThan(0.3 * evening);
        assertThat(night).as("nights are quiet, not silent").isGreaterThan(0);
        for (int hour = 0; hour < 24; hour++) {
            assertThat(reportsByHour[hour])
                    .as("hour %d", hour)
                    .isLessThanOrEqualTo((long) (1.3 * Math.max(lateMorning, evening)));
        }
    }

    @Test
    void volumeIsTheDailyVolumeAsked() {
        Map<String, List<Observed>> incidents = TrafficSample.incidents();
        double expected = 7 * TrafficSample.SETTINGS.incidentsPerDay();

        assertThat((double) incidents.size()).isBetween(0.93 * expected, 1.07 * expected);
    }

    @Test
    void aboutFortyPercentOfIncidentsCallTheirPoliceAndSixtyTheHotline() {
        Map<String, List<Observed>> incidents = TrafficSample.incidents();
        long police = incidents.keySet().stream().filter(id -> id.startsWith("110-")).count();

        assertThat((double) police / incidents.size()).isBetween(0.37, 0.43);
    }

    @Test
    void allNineTownsCallBothPlatforms() {
        ContractValidator contract = new ContractValidator();
        Set<String> towns = new HashSet<>();
        Set<String> stations = new HashSet<>();
        for (Observed record : TrafficSample.originals()) {
            if (record.hotline()) {
                towns.add(record.text("town"));
            } else {
                stations.add(record.text("station"));
            }
        }

        assertThat(contract.towns()).hasSize(9);
        assertThat(towns).isEqualTo(contract.towns());
        assertThat(stations).isEqualTo(contract.stations());
    }

    @Test
    void positionsScatterAroundTheirTownsCentre() {
        Map<String, double[]> centres = new HashMap<>();
        for (String[] row : ContractValidator.contractTable("/contracts/towns.tsv")) {
            centres.put(
                    row[1], new double[] {Double.parseDouble(row[4]), Double.parseDouble(row[5])});
        }
        for (Observed record : TrafficSample.originals()) {
            if (record.hotline() && record.json().has("lat")) {
                double[] centre = centres.get(record.text("town"));
                assertThat(record.json().get("lat").asDouble()).isCloseTo(centre[0], within(0.031));
                assertThat(record.json().get("lon").asDouble()).isCloseTo(centre[1], within(0.031));
            }
        }
    }

    @Test
    void handedOverOrdersCarryTheirAlarmOnEveryRecordAndFollowTheTransfer() {
        Map<String, List<Observed>> incidents = TrafficSample.incidents();
        int handovers = 0;
        for (Map.Entry<String, List<Observed>> incident : incidents.entrySet()) {
            List<Observed> orderRecords =
                    incident.getValue().stream().filter(Observed::hotline).toList();
            if (!incident.getKey().startsWith("110-") || orderRecords.isEmpty()) {
                continue;
            }
            handovers++;
            String alarmId = incident.getKey().substring("110-".length());
            assertThat(orderRecords)
                    .allSatisfy(
                            record -> assertThat(record.text("linkedAlarmId")).isEqualTo(alarmId));
            assertThat(orderRecords.stream().map(Observed::id).distinct()).hasSize(1);
            long transferredAt =
                    incident.getValue().stream()
                            .filter(record -> record.lifecycle().equals("TRANSFERRED_12345"))
                            .mapToLong(Observed::eventTime)
                            .min()
                            .orElse(Long.MIN_VALUE); // its record may be the rare malformed one
            orderRecords.stream()
                    .filter(record -> record.lifecycle().equals("CREATE"))
                    .forEach(
                            create -> {
                                assertThat(create.text("channel")).isEqualTo("TRANSFER_110");
                                assertThat(create.eventTime()).isGreaterThan(transferredAt);
                            });
        }
        long ownOrdersWithChannelTransfer =
                TrafficSample.originals().stream()
                        .filter(record -> "TRANSFER_110".equals(record.text("channel")))
                        .filter(record -> record.text("linkedAlarmId") == null)
                        .count();

        assertThat(handovers).isGreaterThan(300); // ~14 % of ~4,200 alarms
        assertThat(ownOrdersWithChannelTransfer).isZero();
    }

    @Test
    void lifecyclesIncludeCancelsPhoneResolvedOrdersReopensAndUnansweredCalls() {
        Map<String, List<Observed>> incidents = TrafficSample.incidents();
        int cancelledAlarms = 0;
        int revokedOrders = 0;
        int resolvedByPhone = 0;
        int reopened = 0;
        Set<String> broken = TrafficSample.idsWithMalformedRecords();
        for (List<Observed> records : incidents.values()) {
            List<String> lifecycle = records.stream().map(Observed::lifecycle).toList();
            cancelledAlarms += lifecycle.contains("CANCELLED") ? 1 : 0;
            revokedOrders += lifecycle.contains("REVOKE") ? 1 : 0;
            resolvedByPhone +=
                    lifecycle.containsAll(List.of("CREATE", "ASSIGN", "REPLY"))
                                    && !lifecycle.contains("ARRIVE")
                            ? 1
                            : 0;
            int reopen = lifecycle.indexOf("REOPEN");
            boolean complete =
                    !broken.contains(records.get(0).id())
                            && records.get(0).eventTime() < TrafficSample.endMillis() - DAY;
            if (reopen > 0 && complete) {
                reopened++;
                assertThat(lifecycle.get(reopen - 1))
                        .as("%s", records.get(0).record())
                        .isEqualTo("REPLY");
                assertThat(lifecycle.subList(reopen, lifecycle.size()))
                        .containsSubsequence("REOPEN", "ASSIGN", "ARRIVE", "REPLY", "CLOSE");
            }
        }

        assertThat(cancelledAlarms).isGreaterThan(100);
        assertThat(revokedOrders).isGreaterThan(200);
        assertThat(resolvedByPhone).isGreaterThan(1_000);
        assertThat(reopened).isGreaterThan(150);
    }

    @Test
    void mostIncidentsAreMetWithinTenMinutesSomeBreachSomeReachTheCity() {
        long reportedBefore = TrafficSample.endMillis() - 3 * 60 * MINUTE; // their ends are in
        int judged = 0;
        int met = 0;
        int breached = 0;
        int city = 0;
        int neverResponded = 0;
        for (List<Observed> records : TrafficSample.incidents().values()) {
            Long reportedAt = firstTime(records, Observed::isOwnReport);
            if (reportedAt == null || reportedAt >= reportedBefore) {
                continue; // report record broken on the way, or too recent to judge
            }
            Long respondedAt = firstTime(records, Observed::isResponse);
            Long cancelledAt = firstTime(records, Observed::isCancellation);
            long deadline = reportedAt + 10 * MINUTE;
            boolean responded = respondedAt != null;
            if (!responded && cancelledAt != null && cancelledAt <= deadline) {
                continue; // VOID
            }
            judged++;
            if (responded && respondedAt <= deadline) {
                met++;
                continue;
            }
            breached++;
            neverResponded += responded || cancelledAt != null ? 0 : 1;
            long stop =
                    responded ? respondedAt : cancelledAt != null ? cancelledAt : Long.MAX_VALUE;
            city += stop > reportedAt + 20 * MINUTE ? 1 : 0;
        }

        assertThat(judged).isGreaterThan(9_000);
        assertThat((double) met / judged).isBetween(0.80, 0.91);
        assertThat((double) breached / judged).as("breached").isBetween(0.09, 0.18);
        assertThat((double) city / judged).as("escalated to the city").isBetween(0.02, 0.08);
        assertThat(neverResponded).as("never responded").isGreaterThan(50);
    }

    @Test
    void duplicatesAndLateRecordsComeInTheirUsualProportions() {
        List<SimulatedRecord> records = TrafficSample.records();
        Map<String, Integer> copies = new HashMap<>();
        long duplicates = 0;
        long lateBySeconds = 0;
        long lateByMinutes = 0;
        long malformed = 0;
        for (SimulatedRecord record : records) {
            String identity = record.key() + new String(record.value(), StandardCharsets.UTF_8);
            int seenBefore = copies.merge(identity, 1, Integer::sum) - 1;
            if (record.duplicate()) {
                duplicates++;
                assertThat(seenBefore)
                        .as("a duplicate repeats an earlier record: %s", record)
                        .isEqualTo(1);
                continue;
            }
            assertThat(seenBefore).as("only duplicates repeat: %s", record).isZero();
            malformed += record.malformed() ? 1 : 0;
            assertThat(record.latenessMillis()).isBetween(0L, Delivery.MAX_DELAY_MILLIS);
            lateBySeconds +=
                    record.latenessMillis() >= 2_000 && record.latenessMillis() < MINUTE ? 1 : 0;
            lateByMinutes += record.latenessMillis() >= MINUTE ? 1 : 0;
        }
        double total = records.size();

        assertThat(duplicates / total).as("duplicates").isBetween(0.007, 0.013);
        assertThat(lateBySeconds / total).as("late by seconds").isBetween(0.03, 0.05);
        assertThat(lateByMinutes / total).as("late by minutes").isBetween(0.006, 0.014);
        assertThat(malformed / total).as("malformed").isBetween(0.001, 0.0035);
        assertThat(outOfEventTimeOrder(records))
                .as("records overtaken by later events")
                .isGreaterThan(100);
    }

    /** How many records are emitted after a record of a later event time of the same key. */
    private static long outOfEventTimeOrder(List<SimulatedRecord> records) {
        Map<String, Long> latestEventByKey = new HashMap<>();
        long overtaken = 0;
        for (SimulatedRecord record : records) {
            Long latest = latestEventByKey.merge(record.key(), record.eventTimeMillis(), Math::max);
            overtaken += latest > record.eventTimeMillis() ? 1 : 0;
        }
        return overtaken;
    }

    private static Long firstTime(List<Observed> records, Predicate<Observed> which) {
        return records.stream()
                .filter(which)
                .map(Observed::eventTime)
                .min(Long::compare)
                .orElse(null);
    }

    private static double average(long[] counts, int... hours) {
        return Arrays.stream(hours).mapToLong(hour -> counts[hour]).average().orElseThrow();
    }
}
