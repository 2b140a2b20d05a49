package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DocumentIdOrderTest {

    @Test
    void ordersNumericSegmentsByValue() {
        List<String> ids = List.of("police-110:0:10", "police-110:0:9", "hotline-12345:0:13");

        assertThat(ids.stream().sorted(DocumentIdOrder.INSTANCE).collect(Collectors.toList()))
                .containsExactly("hotline-12345:0:13", "police-110:0:9", "police-110:0:10");
    }

    @Test
    void ordersTextSegmentsAlphabeticallyAndPrefixesFirst() {
        List<String> ids =
                List.of(
                        "110-J1:ESCALATED:TOWN",
                        "110-J1:BREACH",
                        "110-J1",
                        "110-J1:ESCALATED:CITY");

        assertThat(ids.stream().sorted(DocumentIdOrder.INSTANCE).collect(Collectors.toList()))
                .containsExactly(
                        "110-J1",
                        "110-J1:BREACH",
                        "110-J1:ESCALATED:CITY",
                        "110-J1:ESCALATED:TOWN");
    }

    @Test
    void treatsLeadingZerosAsText() {
        assertThat(DocumentIdOrder.INSTANCE.compare("a:007", "a:7")).isLessThan(0);
    }
}
