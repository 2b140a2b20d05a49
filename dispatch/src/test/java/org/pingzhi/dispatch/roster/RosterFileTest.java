package org.pingzhi.dispatch.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownDirectory;

class RosterFileTest {

    @Test
    void theSampleRosterIsValid() {
        RosterFile.parse("sample", SampleRoster.json(), TownDirectory.standard());
    }

    @Test
    void namesTheEntryAndTheProblem() {
        assertThat(problemsAfter(tree -> duty(tree, 0).withArray("/workday/day").set(0, "nobody")))
                .containsExactly(
                        "duties[0] (TOWN 330482001): workday.day: person \"nobody\" is not in"
                                + " people");
        assertThat(problemsAfter(tree -> duty(tree, 1).withArray("channels").add("pager")))
                .containsExactly(
                        "duties[1] (TOWN 330482001): channel \"pager\" is not in channels");
        assertThat(problemsAfter(tree -> person(tree, 0).put("mobile", "0573-8500000")))
                .containsExactly(
                        "people[0] \"danghu-day\": mobile is not an 11-digit mainland mobile"
                                + " number");
        assertThat(
                        problemsAfter(
                                tree ->
                                        channel(tree, 1)
                                                .put("webhook", "http://qyapi.weixin.qq.com/x")))
                .containsExactly(
                        "channels[1] \"danghu-wecom\": webhook must be an https URL (http only to"
                                + " localhost)");
        assertThat(problemsAfter(tree -> channel(tree, 0).put("secret", "plain")))
                .containsExactly(
                        "channels[0] \"danghu-dingtalk\": secret is not a DingTalk signing secret"
                                + " (SEC…)");
        assertThat(problemsAfter(tree -> channel(tree, 0).put("type", "SMS")))
                .containsExactly(
                        "channels[0] \"danghu-dingtalk\": type SMS is not DINGTALK, WECOM or"
                                + " WEBHOOK");
        assertThat(
                        problemsAfter(
                                tree -> duty(tree, 0).set("holdiay", duty(tree, 0).get("holiday"))))
                .containsExactly("duties[0]: unknown field holdiay");
        assertThat(problemsAfter(tree -> duty(tree, 0).put("town", "乍浦镇")))
                .containsExactly(
                        "duties[0] (TOWN 330482001): town 乍浦镇 is not the name of 330482001, 当湖街道");
        assertThat(problemsAfter(tree -> duty(tree, 0).put("townCode", "330482999")))
                .contains("duties[0]: townCode 330482999 is not in towns.tsv");
    }

    @Test
    void refusesAnUnstaffedDeskAndADoublyStaffedOne() {
        assertThat(problemsAfter(tree -> ((ArrayNode) tree.get("duties")).remove(0)))
                .containsExactly(
                        "no duty for TOWN 330482001 INFO (当湖街道)",
                        "no duty for TOWN 330482001 WARNING (当湖街道)");
        assertThat(problemsAfter(tree -> duty(tree, 1).withArray("severities").add("WARNING")))
                .containsExactly(
                        "duties[1] (TOWN 330482001): TOWN 330482001 WARNING is already staffed by"
                                + " duties[0] (TOWN 330482001)");
    }

    @Test
    void criticalAlertsNeedAnAcknowledgementPolicy() {
        assertThat(problemsAfter(tree -> ((ArrayNode) tree.get("policies")).remove(0)))
                .containsExactly(
                        "policies: CRITICAL alerts need a policy (acknowledgement timeout,"
                                + " resends)");
        assertThat(
                        problemsAfter(
                                tree ->
                                        ((ObjectNode) tree.get("policies").get(0))
                                                .put("ackTimeoutMinutes", 0)))
                .containsExactly(
                        "policies[0] CRITICAL: ackTimeoutMinutes must be a whole number from 1 to"
                                + " 1440");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        InvalidRosterException refused =
                catchThrowableOfType(
                        InvalidRosterException.class,
                        () ->
                                RosterFile.parse(
                                        "roster.json",
                                        "{\"dayShiftStarts\":\"20:00\",\"nightShiftStarts\":\"08:00\"}",
                                        TownDirectory.standard()));

        assertThat(refused.getMessage()).startsWith("duty roster roster.json: ");
        assertThat(refused.problems())
                .contains(
                        "dayShiftStarts 20:00 must be before nightShiftStarts 08:00",
                        "people is missing",
                        "channels is missing",
                        "duties is missing",
                        "no duty for CITY CRITICAL");
    }

    private static java.util.List<String> problemsAfter(Consumer<ObjectNode> change) {
        ObjectNode tree = SampleRoster.tree();
        change.accept(tree);
        InvalidRosterException refused =
                catchThrowableOfType(
                        InvalidRosterException.class,
                        () -> RosterFile.parse("test", tree.toString(), TownDirectory.standard()));
        assertThat(refused).as("the changed roster is refused").isNotNull();
        return refused.problems();
    }

    private static ObjectNode duty(ObjectNode tree, int index) {
        return (ObjectNode) tree.get("duties").get(index);
    }

    private static ObjectNode person(ObjectNode tree, int index) {
        return (ObjectNode) tree.get("people").get(index);
    }

    private static ObjectNode channel(ObjectNode tree, int index) {
        return (ObjectNode) tree.get("channels").get(index);
    }
}
