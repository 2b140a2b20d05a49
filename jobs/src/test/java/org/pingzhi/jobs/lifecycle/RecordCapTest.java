package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.hotline;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.UnifiedEvent;

class RecordCapTest {

    private static List<UnifiedEvent> assigns(int count) {
        List<UnifiedEvent> kept = new ArrayList<>();
        kept.add(hotline("PH1", "CREATE", minutes(0)).build());
        for (int i = 1; i < count; i++) {
            kept.add(hotline("PH1", "ASSIGN", minutes(i)).build());
        }
        return kept;
    }

    @Test
    void belowTheCapEveryRecordIsKept() {
        assertThat(RecordCap.admit(assigns(3), hotline("PH1", "ASSIGN", minutes(50)).build(), 4))
                .isEqualTo(RecordCap.Admission.KEEP);
    }

    @Test
    void atTheCapARecordThatSetsNothingIsDropped() {
        assertThat(RecordCap.admit(assigns(4), hotline("PH1", "ASSIGN", minutes(50)).build(), 4))
                .isEqualTo(RecordCap.Admission.DROP);
    }

    @Test
    void atTheCapAnEarliestRecordOfItsStatusReplacesTheNewestInsignificantOne() {
        List<UnifiedEvent> kept = assigns(4);

        RecordCap.Admission arrival =
                RecordCap.admit(kept, hotline("PH1", "ARRIVE", minutes(50)).build(), 4);
        RecordCap.Admission earlierAssign =
                RecordCap.admit(kept, hotline("PH1", "ASSIGN", minutes(0.5)).build(), 4);

        assertThat(arrival).isEqualTo(new RecordCap.Admission(true, kept.get(3)));
        assertThat(earlierAssign.evicted())
                .as("the first ASSIGN is no longer the earliest")
                .isEqualTo(kept.get(3));
    }

    @Test
    void eachSourcesEarliestReportIsSignificant() {
        List<UnifiedEvent> kept = assigns(4);
        UnifiedEvent linkedReport = hotline("PH1", "CREATE", minutes(30)).build();
        UnifiedEvent policeReport = TestEvents.police("J1", "RECEIVED", minutes(30)).build();

        assertThat(RecordCap.admit(kept, linkedReport, 4)).isEqualTo(RecordCap.Admission.DROP);
        assertThat(RecordCap.admit(kept, policeReport, 4).keep()).isTrue();
    }

    @Test
    void whenEveryKeptRecordIsSignificantTheNewOneIsDropped() {
        List<UnifiedEvent> kept =
                List.of(
                        hotline("PH1", "CREATE", minutes(0)).build(),
                        hotline("PH1", "ASSIGN", minutes(1)).build());

        assertThat(RecordCap.admit(kept, hotline("PH1", "ARRIVE", minutes(5)).build(), 2))
                .isEqualTo(RecordCap.Admission.DROP);
    }

    @Test
    void aFloodOfEverEarlierRecordsCostsLinearlyManyComparisonsPerRecord() {
        int cap = LifecycleSettings.DEFAULT_MAX_RECORDS;
        List<UnifiedEvent> kept = assigns(cap);
        Collections.reverse(kept);
        AtomicLong comparisons = new AtomicLong();
        Comparator<UnifiedEvent> counting =
                (a, b) -> {
                    comparisons.incrementAndGet();
                    return EventOrder.APPLICATION.compare(a, b);
                };
        UnifiedEvent earlier = hotline("PH1", "ASSIGN", minutes(0.5)).build();

        RecordCap.Admission admission = RecordCap.admit(kept, earlier, cap, counting);

        assertThat(admission).isEqualTo(new RecordCap.Admission(true, kept.get(0)));
        assertThat(comparisons.get())
                .as("comparisons for %d kept records", cap)
                .isLessThanOrEqualTo(2L * cap + 1);
    }
}
