package org.pingzhi.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.Source;

/** Every record of a simulated week is valid per its schema, unless deliberately malformed. */
class RecordValidityTest {

    private static final ContractValidator VALIDATOR = new ContractValidator();
    private static final Pattern ALARM_ID = Pattern.compile("^J330482(\\d{8})\\d{4}$");
    private static final Pattern ORDER_ID = Pattern.compile("^PH(\\d{8})\\d{5}$");

    @Test
    void everyRecordNotMarkedMalformedMeetsItsSchema() {
        List<SimulatedRecord> valid =
                TrafficSample.records().stream().filter(record -> !record.malformed()).toList();

        assertThat(valid).hasSizeGreaterThan(50_000);
        for (SimulatedRecord record : valid) {
            assertThat(VALIDATOR.reason(record.source(), record.value()))
                    .as("%s", record)
                    .isEmpty();
            assertThat(VALIDATOR.optionalFieldProblems(record.source(), record.value()))
                    .as("%s", record)
                    .isEmpty();
        }
    }

    @Test
    void everyMalformedRecordIsRejectedForTheReasonItIsMarkedWith() {
        List<SimulatedRecord> malformed =
                TrafficSample.records().stream().filter(SimulatedRecord::malformed).toList();

        assertThat(malformed).isNotEmpty();
        Set<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
        for (SimulatedRecord record : malformed) {
            assertThat(VALIDATOR.reason(record.source(), record.value()))
                    .as("%s", record)
                    .contains(record.defect());
            seen.add(record.defect());
        }
        assertThat(seen).as("reasons seen in a week").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void everyRecordFitsOnOneLineAndValidOnesWithinTheSizeLimit() {
        for (SimulatedRecord record : TrafficSample.records()) {
            for (byte b : record.value()) {
                assertThat(b == '\n' || b == '\r').as("line break in %s", record).isFalse();
            }
            if (record.defect() != ReasonCode.TOO_LARGE) {
                assertThat(record.value().length)
                        .isLessThanOrEqualTo(ContractValidator.MAX_RECORD_BYTES);
            }
        }
    }

    @Test
    void keysAreTheIdsAndIdsFollowTheUpstreamNumberingOfTheirReportDay() {
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        for (Observed record : TrafficSample.originals()) {
            assertThat(record.record().key()).isEqualTo(record.id());
            Pattern pattern = record.hotline() ? ORDER_ID : ALARM_ID;
            var matcher = pattern.matcher(record.id());
            assertThat(matcher.matches()).as(record.id()).isTrue();
            if (record.lifecycle().equals("CREATE") || record.lifecycle().equals("RECEIVED")) {
                LocalDate local =
                        Instant.ofEpochMilli(record.eventTime())
                                .atOffset(PinghuTime.OFFSET)
                                .toLocalDate();
                assertThat(matcher.group(1)).as(record.id()).isEqualTo(local.format(day));
            }
        }
    }

    @Test
    void eventTimesInTheRecordsAreTheMarkedOnes() {
        for (Observed record : TrafficSample.originals()) {
            assertThat(record.eventTime()).isEqualTo(record.record().eventTimeMillis());
        }
    }

    @Test
    void seqCountsAnOrdersRecordsInTheOrderTheyHappened() {
        Map<String, List<Observed>> orders =
                TrafficSample.originals().stream()
                        .filter(Observed::hotline)
                        .collect(Collectors.groupingBy(Observed::id));
        for (List<Observed> order : orders.values()) {
            List<Observed> bySeq = new ArrayList<>(order);
            bySeq.sort(Comparator.comparingInt(record -> record.json().get("seq").asInt()));
            for (int i = 1; i < bySeq.size(); i++) {
                assertThat(bySeq.get(i).json().get("seq").asInt())
                        .isGreaterThan(bySeq.get(i - 1).json().get("seq").asInt());
                assertThat(bySeq.get(i).eventTime())
                        .as("order %s", bySeq.get(i).id())
                        .isGreaterThanOrEqualTo(bySeq.get(i - 1).eventTime());
            }
        }
    }

    @Test
    void reportRecordsCarryWhatTheUnifiedIncidentIsMadeOf() {
        for (Observed record : TrafficSample.originals()) {
            if (record.lifecycle().equals("CREATE")) {
                assertThat(record.text("category")).as("%s", record.record()).isNotBlank();
                assertThat(record.text("channel")).isNotBlank();
                assertThat(record.text("content")).isNotBlank();
            }
            if (record.lifecycle().equals("RECEIVED")) {
                assertThat(record.text("alarmType")).as("%s", record.record()).isNotBlank();
                assertThat(record.json().get("level").asInt()).isBetween(1, 3);
                assertThat(record.text("summary")).isNotBlank();
            }
        }
    }

    @Test
    void sourcesAreTheTwoPlatforms() {
        assertThat(TrafficSample.records().stream().map(SimulatedRecord::source).distinct())
                .containsExactlyInAnyOrder(Source.values());
    }
}
