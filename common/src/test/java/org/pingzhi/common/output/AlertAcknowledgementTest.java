package org.pingzhi.common.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Times;

class AlertAcknowledgementTest {

    static final AlertAcknowledgement ACK =
            new AlertAcknowledgement(
                    "sla:110-J1:CITY", "city-day", Times.parseIso("2026-11-28T03:11:00.250Z"));

    @Test
    void rendersExactlyAlertIdWhoAndAtInUtcWithMilliseconds() {
        assertThat(ACK.json())
                .isEqualTo(
                        "{\"alertId\":\"sla:110-J1:CITY\",\"who\":\"city-day\","
                                + "\"at\":\"2026-11-28T03:11:00.250Z\"}");
        assertThat(AlertAcknowledgement.parse(ACK.json())).isEqualTo(ACK);
        assertThat(ACK.documentId()).isEqualTo("sla:110-J1:CITY:city-day");
    }

    @Test
    void aTextThatIsNoAcknowledgementIsRefusedClearly() {
        assertThatThrownBy(() -> AlertAcknowledgement.parse("{\"alertId\":\"a\",\"who\":\"b\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at");
        assertThatThrownBy(
                        () ->
                                AlertAcknowledgement.parse(
                                        "{\"alertId\":\"a\",\"who\":\"b\",\"at\":\"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> AlertAcknowledgement.parse("not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
