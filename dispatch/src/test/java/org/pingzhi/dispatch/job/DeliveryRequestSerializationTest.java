package org.pingzhi.dispatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.dispatch.alert.AlertStatus;
import org.pingzhi.dispatch.channel.Channel;
import org.pingzhi.dispatch.channel.DingTalkRobot;
import org.pingzhi.dispatch.channel.GenericWebhook;
import org.pingzhi.dispatch.channel.WeComRobot;
import org.pingzhi.dispatch.delivery.DeliveryKey;
import org.pingzhi.dispatch.roster.DutyRoster;
import org.pingzhi.dispatch.roster.RosterFile;
import org.pingzhi.dispatch.roster.SampleRoster;

/**
 * A notification in flight carries its channel through Flink's serializers (between operators, in
 * the delivery operator's checkpointed state): the channel must arrive whole.
 */
class DeliveryRequestSerializationTest {

    private static final DutyRoster ROSTER =
            RosterFile.parse("sample", SampleRoster.json(), TownDirectory.standard());

    private static DeliveryRequest roundTrip(DeliveryRequest request) throws Exception {
        TypeSerializer<DeliveryRequest> serializer =
                TypeInformation.of(DeliveryRequest.class)
                        .createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(request, out);
        DeliveryRequest read =
                serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(serializer.copy(request).channel().toString())
                .isEqualTo(request.channel().toString());
        return read;
    }

    private static DeliveryRequest to(String channel) {
        Channel robot = ROSTER.channel(channel).orElseThrow();
        return new DeliveryRequest(
                DeliveryKey.of(DispatchFunctionTest.critical(AlertStatus.OPEN), 0, channel),
                robot,
                DispatchFunctionTest.critical(AlertStatus.OPEN),
                "http://127.0.0.1:8470/ack?alert=a",
                List.of("13800000001"),
                "0123456789ab",
                DispatchFunctionTest.T0);
    }

    @Test
    void aRobotArrivesWithItsWebhookAndSecret() throws Exception {
        DeliveryRequest request = to("danghu-dingtalk");
        DingTalkRobot sent = (DingTalkRobot) request.channel();

        DeliveryRequest read = roundTrip(request);

        DingTalkRobot robot = (DingTalkRobot) read.channel();
        assertThat(robot).isEqualTo(sent);
        assertThat(robot.webhook().getHost()).isEqualTo(sent.webhook().getHost());
        assertThat(robot.webhook().getRawQuery()).isEqualTo(sent.webhook().getRawQuery());
        assertThat(read.key()).isEqualTo(request.key());
        assertThat(read.notice()).isEqualTo(request.notice());
        assertThat(read.rosterVersion()).isEqualTo("0123456789ab");
        assertThat(read.routedAt()).isEqualTo(DispatchFunctionTest.T0);
        WeComRobot wecom = (WeComRobot) roundTrip(to("danghu-wecom")).channel();
        assertThat(wecom.webhook().getHost()).isEqualTo("qyapi.weixin.qq.com");
    }

    @Test
    void aWebhookArrivesWithItsBodyTemplate() throws Exception {
        DeliveryRequest request = to("ops-webhook");
        GenericWebhook sent = (GenericWebhook) request.channel();

        GenericWebhook read = (GenericWebhook) roundTrip(request).channel();

        assertThat(read.url()).isEqualTo(sent.url());
        assertThat(read.url().getHost()).isEqualTo(sent.url().getHost());
        Map<String, String> facts = Map.of("title", "t", "alertId", "a", "text", "x");
        assertThat(read.bodyTemplate().render(facts)).isEqualTo(sent.bodyTemplate().render(facts));
    }
}
