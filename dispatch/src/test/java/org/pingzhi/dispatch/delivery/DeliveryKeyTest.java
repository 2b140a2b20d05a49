package org.pingzhi.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.alert.AlertStatus;
import org.pingzhi.dispatch.channel.SampleAlerts;
import org.pingzhi.dispatch.delivery.DeliveryKey.Round;

class DeliveryKeyTest {

    final AlertNotice open = SampleAlerts.critical("sla:INC-1:CITY");

    @Test
    void keysTheAlertTheRoundAndTheRecipient() {
        assertThat(DeliveryKey.of(open, 0, "city-dingtalk").asString())
                .isEqualTo("sla:INC-1:CITY|OPEN|city-dingtalk");
        assertThat(DeliveryKey.of(open, 2, "city-dingtalk").asString())
                .isEqualTo("sla:INC-1:CITY|OPEN-2|city-dingtalk");
        assertThat(
                        DeliveryKey.of(withStatus(open, AlertStatus.RESOLVED), 0, "city-wecom")
                                .asString())
                .isEqualTo("sla:INC-1:CITY|RESOLVED|city-wecom");
    }

    @Test
    void theSameNotificationHasTheSameKeyAndAnyOtherADifferentOne() {
        DeliveryKey first = DeliveryKey.of(open, 0, "city-dingtalk");

        assertThat(DeliveryKey.of(SampleAlerts.critical("sla:INC-1:CITY"), 0, "city-dingtalk"))
                .isEqualTo(first)
                .hasSameHashCodeAs(first);
        assertThat(DeliveryKey.of(open, 1, "city-dingtalk")).isNotEqualTo(first);
        assertThat(DeliveryKey.of(open, 0, "city-wecom")).isNotEqualTo(first);
        assertThat(DeliveryKey.of(withStatus(open, AlertStatus.RESOLVED), 0, "city-dingtalk"))
                .isNotEqualTo(first);
    }

    @Test
    void separatorsInsideThePartsCannotMakeTwoKeysOne() {
        DeliveryKey a = new DeliveryKey("rule:x:a|OPEN", Round.OPEN, 0, "b");
        DeliveryKey b = new DeliveryKey("rule:x:a", Round.OPEN, 0, "OPEN|b");

        assertThat(a.asString()).isNotEqualTo(b.asString()).isEqualTo("rule:x:a%7COPEN|OPEN|b");
        assertThat(new DeliveryKey("100%7C", Round.OPEN, 0, "r").asString())
                .isEqualTo("100%257C|OPEN|r");
    }

    @Test
    void anAcknowledgedAlertOrAReNotifiedResolutionHasNoKey() {
        assertThatThrownBy(() -> DeliveryKey.of(withStatus(open, AlertStatus.ACKED), 0, "r"))
                .hasMessageContaining("ACKED");
        assertThatThrownBy(() -> new DeliveryKey("a", Round.RESOLVED, 1, "r"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AlertNotice withStatus(AlertNotice notice, AlertStatus status) {
        return new AlertNotice(
                notice.alertId(),
                notice.kind(),
                status,
                notice.level(),
                notice.severity(),
                notice.townCode(),
                notice.title(),
                notice.message(),
                notice.firedAt(),
                notice.firedAt(),
                notice.incidentIds(),
                notice.count());
    }
}
