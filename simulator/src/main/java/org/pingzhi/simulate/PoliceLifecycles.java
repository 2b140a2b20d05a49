package org.pingzhi.simulate;

import java.util.List;
import org.pingzhi.common.model.Source;

/**
 * The lifecycles of 110 alarms: police response (dispatched, on scene, finished, closed),
 * cancelled, never responded, and non-police matters handed over to 12345.
 */
final class PoliceLifecycles {

    static final double HANDED_OVER = 0.14;
    static final double CANCELLED = 0.05;
    static final double UNANSWERED = 0.015;

    private static final long MINUTE = 60;

    private final Texts texts;
    private final Units units;
    private final People people;
    private final IdSequencer ids;
    private final HotlineLifecycles hotline;

    PoliceLifecycles(
            Texts texts, Units units, People people, IdSequencer ids, HotlineLifecycles hotline) {
        this.texts = texts;
        this.units = units;
        this.people = people;
        this.ids = ids;
        this.hotline = hotline;
    }

    /** An alarm received by 110 at {@code reportAt}. */
    void plan(long reportAt, Scene scene, Dice dice, List<PlannedRecord> out) {
        AlarmScript alarm = new AlarmScript(ids.nextAlarmId(reportAt), scene.town(), out);
        Timeline time = new Timeline(reportAt);
        double lifecycle = dice.fraction();
        if (lifecycle < HANDED_OVER) {
            handOver(alarm, time, scene, dice, out);
            return;
        }
        Template template = texts.police(dice);
        String alarmType = template.category();
        alarm.received(
                reportAt,
                alarmType,
                level(alarmType, dice),
                scene,
                dice.chance(0.85),
                scene.describe(template, people, dice));
        String officer = units.handler(Source.POLICE_110, alarmType, scene.town(), dice);
        if (lifecycle < HANDED_OVER + CANCELLED) {
            Withdrawal withdrawal = Withdrawal.draw(dice);
            if (withdrawal.wasDispatched()) {
                alarm.status("DISPATCHED", time.at(withdrawal.dispatched()), officer);
            }
            alarm.status("CANCELLED", time.at(withdrawal.cancelled()), null);
        } else if (lifecycle < HANDED_OVER + CANCELLED + UNANSWERED) {
            alarm.status("DISPATCHED", time.at(dice.between(30, 180)), officer);
        } else {
            respond(alarm, time, alarmType, officer, dice);
        }
    }

    private static void respond(
            AlarmScript alarm, Timeline time, String alarmType, String officer, Dice dice) {
        long response = ResponseTimes.seconds(dice);
        alarm.status("DISPATCHED", time.at(dice.share(response, 0.1, 0.3)), officer);
        long finished;
        if (alarmType.equals("电信诈骗") && dice.chance(0.5)) {
            finished = response; // advice and stop-payment by phone: finished without going out
        } else {
            alarm.status("ARRIVED", time.at(response), officer);
            finished = response + dice.between(5 * MINUTE, 90 * MINUTE);
        }
        alarm.status("FINISHED", time.at(finished), null);
        if (dice.chance(0.8)) {
            alarm.status(
                    "CLOSED", time.at(finished + dice.between(5 * MINUTE, 120 * MINUTE)), null);
        }
    }

    /** 非警务警情分流: received, transferred to 12345, which then runs its own order linked to it. */
    private void handOver(
            AlarmScript alarm, Timeline time, Scene scene, Dice dice, List<PlannedRecord> out) {
        Template template = texts.handover(dice);
        String summary = scene.describe(template, people, dice);
        alarm.received(
                time.reportAtMillis(),
                template.category(),
                dice.chance(0.8) ? 3 : 2,
                scene,
                dice.chance(0.85),
                summary);
        long response = Math.max(3 * MINUTE, ResponseTimes.seconds(dice));
        alarm.status("TRANSFERRED_12345", time.at(dice.share(response, 0.1, 0.2)), null);
        hotline.handedOver(
                alarm.alarmId(),
                template.handoverCategory(),
                summary,
                time,
                dice.share(response, 0.25, 0.35),
                response,
                scene,
                dice,
                out);
    }

    /** 1 most urgent: fires always, crimes often; most alarms 2, minor ones 3. */
    private static int level(String alarmType, Dice dice) {
        if (alarmType.equals("火灾")) {
            return 1;
        }
        double draw = dice.fraction();
        if (alarmType.equals("刑事案件")) {
            return draw < 0.3 ? 1 : 2;
        }
        return draw < 0.04 ? 1 : draw < 0.64 ? 2 : 3;
    }
}
