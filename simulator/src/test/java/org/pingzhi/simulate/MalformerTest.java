package org.pingzhi.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pingzhi.common.model.Source;

/** Each way of breaking a record gives exactly its reason, on both platforms, whatever the dice. */
class MalformerTest {

    private static final ContractValidator VALIDATOR = new ContractValidator();
    private static final int TRIES = 40;

    @ParameterizedTest
    @EnumSource(Malformer.Defect.class)
    void aBrokenRecordIsRejectedForItsDefectsReasonAndNoOther(Malformer.Defect defect) {
        for (PlannedRecord record : validRecordsOfBothPlatforms()) {
            assertThat(VALIDATOR.reason(record.source(), record.fields().toJson())).isEmpty();
            for (int seed = 0; seed < TRIES; seed++) {
                Malformer.Malformed broken = Malformer.malform(record, defect, new Dice(seed));

                assertThat(broken.reason()).isEqualTo(defect.reason);
                assertThat(VALIDATOR.reason(record.source(), broken.value()))
                        .as("%s of %s: %s", defect, record.source(), printable(broken.value()))
                        .contains(defect.reason);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Malformer.Defect.class)
    void aBrokenRecordIsStillOneLineAndNeverBlank(Malformer.Defect defect) {
        for (PlannedRecord record : validRecordsOfBothPlatforms()) {
            for (int seed = 0; seed < TRIES; seed++) {
                byte[] broken = Malformer.malform(record, defect, new Dice(seed)).value();

                assertThat(new String(broken, StandardCharsets.ISO_8859_1))
                        .isNotBlank()
                        .doesNotContain("\n", "\r");
            }
        }
    }

    /** The first records of a simulated hour: report and later records of both platforms. */
    private static List<PlannedRecord> validRecordsOfBothPlatforms() {
        IncidentPlanner planner =
                new IncidentPlanner(Vocabulary.load(), new People(1), new IdSequencer());
        List<PlannedRecord> records = new java.util.ArrayList<>();
        Dice dice = new Dice(99);
        long at = TrafficSample.START.toEpochMilli();
        while (records.stream().map(PlannedRecord::source).distinct().count() < 2
                || records.size() < 12) {
            records.addAll(planner.plan(at, dice));
            at += 60_000;
        }
        assertThat(records).extracting(PlannedRecord::source).contains(Source.values());
        return records;
    }

    private static String printable(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
