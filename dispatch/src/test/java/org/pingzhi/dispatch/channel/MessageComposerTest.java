package org.pingzhi.dispatch.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.json.Json;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.alert.Severity;

class MessageComposerTest {

    static final DingTalkRobot DINGTALK =
            new DingTalkRobot(
                    "city-dingtalk",
                    URI.create("https://oapi.dingtalk.com/robot/send?access_token=t"),
                    "SECabc");
    static final WeComRobot WECOM =
            new WeComRobot(
                    "city-wecom",
                    URI.create("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"));
    static final List<String> MOBILES = List.of("13800000001", "13800000002");

    final MessageComposer composer = new MessageComposer(new AlertTexts(TownDirectory.standard()));

    @Test
    void aCriticalAlertAtMentionsTheDutyOfficersInDingTalk() throws Exception {
        OutboundMessage message =
                composer.alert(
                        DINGTALK,
                        SampleAlerts.critical("sla:INC-1:CITY"),
                        SampleAlerts.LINKS,
                        MOBILES);

        JsonNode json = Json.mapper().readTree(message.body());
        assertThat(json.get("msgtype").textValue()).isEqualTo("markdown");
        assertThat(json.at("/markdown/title").textValue()).isEqualTo("【严重】【平治110】当湖街道 事件超时未到场");
        String text = json.at("/markdown/text").textValue();
        assertThat(text)
                .contains("- 镇街:当湖街道(330482001)")
                .contains("- 触发时间:2026-11-28 10:20:00(北京时间)")
                .contains("- 状态:未处置")
                .contains("- 关联事件:INC-1(共 1 起)")
                .contains("事件 INC-1 已 20 分钟无人到场")
                .contains("[在 Kibana 中查看](https://kibana.example/app/discover)")
                .contains("[确认收到](https://ack.example/ack?alert=a&who=b&exp=1&sig=s)")
                .endsWith("\n @13800000001 @13800000002");
        assertThat(json.at("/at/atMobiles")).isEqualTo(Json.mapper().valueToTree(MOBILES));
        assertThat(json.at("/at/isAtAll").booleanValue()).isFalse();
    }

    @Test
    void mobilesGoNowhereButDingTalksMentionOfACriticalAlert() {
        AlertNotice warning = SampleAlerts.alert("a", Severity.WARNING, "一般告警");
        GenericWebhook webhook =
                new GenericWebhook(
                        "ops",
                        URI.create("https://ops.example/hook"),
                        BodyTemplate.parse("{\"t\":\"${text}\"}"));

        assertThat(composer.alert(DINGTALK, warning, SampleAlerts.LINKS, MOBILES).body())
                .doesNotContain("1380000000")
                .doesNotContain("\"at\"");
        for (Channel channel : List.of(WECOM, webhook)) {
            assertThat(
                            composer.alert(
                                            channel,
                                            SampleAlerts.critical("a"),
                                            SampleAlerts.LINKS,
                                            MOBILES)
                                    .body())
                    .doesNotContain("1380000000");
        }
    }

    @Test
    void aLongWeComMessageIsCutAtACharacterBoundaryKeepingItsLinks() throws Exception {
        AlertNotice longAlert = SampleAlerts.alert("a", Severity.WARNING, "平湖当湖街道事件".repeat(400));

        OutboundMessage message = composer.alert(WECOM, longAlert, SampleAlerts.LINKS, MOBILES);

        String content = Json.mapper().readTree(message.body()).at("/markdown/content").textValue();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(4096).isGreaterThan(4000);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(content)
                .startsWith("### 【警告】")
                .contains("……(内容过长,已截断)")
                .endsWith("[确认收到](https://ack.example/ack?alert=a&who=b&exp=1&sig=s)");
    }

    @Test
    void aShortWeComMessageIsWhole() throws Exception {
        OutboundMessage message =
                composer.alert(
                        WECOM,
                        SampleAlerts.critical("sla:INC-1:CITY"),
                        SampleAlerts.LINKS,
                        MOBILES);

        JsonNode json = Json.mapper().readTree(message.body());
        assertThat(json.get("msgtype").textValue()).isEqualTo("markdown");
        assertThat(json.at("/markdown/content").textValue())
                .doesNotContain("已截断")
                .contains("事件 INC-1 已 20 分钟无人到场,升级至市指挥中心。");
    }

    @Test
    void aWebhookGetsItsTemplateFilledWithTheFacts() throws Exception {
        GenericWebhook webhook =
                new GenericWebhook(
                        "ops",
                        URI.create("https://ops.example/hook"),
                        BodyTemplate.parse(
                                "{\"id\":\"${alertId}\",\"sev\":\"${severity}\",\"town\":\"${town}\","
                                    + "\"at\":\"${firedAtLocal}\",\"utc\":\"${firedAt}\",\"ack\":\"${ackUrl}\"}"));

        OutboundMessage message =
                composer.alert(
                        webhook,
                        SampleAlerts.critical("sla:INC-1:CITY"),
                        SampleAlerts.LINKS,
                        MOBILES);

        assertThat(Json.mapper().readTree(message.body()))
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        "{\"id\":\"sla:INC-1:CITY\",\"sev\":\"CRITICAL\",\"town\":\"当湖街道\",\"at\":\"2026-11-28"
                                            + " 10:20:00\",\"utc\":\"2026-11-28T02:20:00.000Z\","
                                            + "\"ack\":\"https://ack.example/ack?alert=a&who=b&exp=1&sig=s\"}"));
        assertThat(message.uriAt(0)).isEqualTo(URI.create("https://ops.example/hook"));
    }

    @Test
    void aDigestListsEveryAlertItStandsFor() throws Exception {
        List<AlertNotice> notices =
                List.of(
                        SampleAlerts.alert("rule:a:1", Severity.WARNING, "x"),
                        SampleAlerts.critical("rule:b:2"));

        OutboundMessage message =
                composer.digest(
                        DINGTALK, notices, URI.create("https://kibana.example/all"), MOBILES);

        JsonNode json = Json.mapper().readTree(message.body());
        assertThat(json.at("/markdown/title").textValue()).isEqualTo("【告警汇总】2 条告警");
        assertThat(json.at("/markdown/text").textValue())
                .contains("rule:a:1")
                .contains("rule:b:2")
                .contains("(https://kibana.example/all)");
        assertThat(json.at("/at/atMobiles").size()).isEqualTo(2);
        assertThatThrownBy(
                        () ->
                                composer.digest(
                                        new GenericWebhook(
                                                "ops",
                                                URI.create("https://ops.example/hook"),
                                                BodyTemplate.parse("{}")),
                                        notices,
                                        URI.create("https://kibana.example/all"),
                                        MOBILES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWeComDigestTooLongForOneMessageListsWhatFitsAndCountsTheRest() throws Exception {
        List<AlertNotice> notices =
                java.util.stream.IntStream.range(0, 100)
                        .mapToObj(i -> SampleAlerts.alert("rule:hot:" + i, Severity.WARNING, "x"))
                        .toList();

        OutboundMessage message =
                composer.digest(WECOM, notices, URI.create("https://kibana.example/all"), MOBILES);

        String content = Json.mapper().readTree(message.body()).at("/markdown/content").textValue();
        assertThat(Utf8.length(content)).isLessThanOrEqualTo(4096);
        java.util.regex.Matcher rest =
                java.util.regex.Pattern.compile("另有 ([0-9]+) 条").matcher(content);
        assertThat(rest.find()).isTrue();
        long listed = content.lines().filter(line -> line.contains("· rule:hot:")).count();
        assertThat(listed).isGreaterThan(10);
        assertThat(listed + Integer.parseInt(rest.group(1))).isEqualTo(100);
        assertThat(content)
                .startsWith("### 【告警汇总】100 条告警")
                .endsWith("(https://kibana.example/all)");
    }

    @Test
    void kibanaLinksFilterDiscoverToTheAlerts() {
        KibanaLinks kibana = new KibanaLinks(URI.create("https://kibana.example/"));

        assertThat(kibana.alert("rule:hot:a|b:1").toString())
                .isEqualTo(
                        "https://kibana.example/app/discover#/?_a="
                            + "%28query%3A%28language%3Akuery%2Cquery%3A%27alertId%3A%22rule%3Ahot%3Aa%7Cb%3A1%22%27%29%29");
    }
}
