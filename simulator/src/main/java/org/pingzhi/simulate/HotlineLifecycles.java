package org.pingzhi.simulate;

import java.util.List;
import java.util.Locale;
import org.pingzhi.common.model.Source;

/**
 * The lifecycles of 12345 work orders: handled on site, resolved by phone (no ARRIVE), reopened
 * after the reply, revoked, never answered; and the orders 110 hands over (非警务警情分流).
 */
final class HotlineLifecycles {

    static final double REVOKED = 0.06;
    static final double UNANSWERED = 0.015;
    static final double REOPENED = 0.05;
    static final double BY_PHONE = 0.30;

    private static final Weighted<String> CHANNELS =
            Weighted.of(List.of("PHONE", "APP", "WECHAT", "WEB"), HotlineLifecycles::channelWeight);
    private static final long MINUTE = 60;
    private static final long HOUR = 3_600;

    private final Texts texts;
    private final Units units;
    private final People people;
    private final IdSequencer ids;

    HotlineLifecycles(Texts texts, Units units, People people, IdSequencer ids) {
        this.texts = texts;
        this.units = units;
        this.people = people;
        this.ids = ids;
    }

    /** An order reported to 12345 at {@code reportAt}. */
    void plan(long reportAt, Scene scene, Dice dice, List<PlannedRecord> out) {
        Template template = texts.hotline(dice);
        OrderScript order = new OrderScript(ids.nextOrderId(reportAt), null, scene.town(), out);
        String channel = CHANNELS.pick(dice);
        order.create(
                reportAt,
                report(
                        channel,
                        template.category(),
                        scene.describe(template, people, dice),
                        dice,
                        scene),
                scene);
        String unit = units.handler(Source.HOTLINE_12345, template.category(), scene.town(), dice);
        Timeline time = new Timeline(reportAt);
        double lifecycle = dice.fraction();
        if (lifecycle < REVOKED) {
            Withdrawal withdrawal = Withdrawal.draw(dice);
            if (withdrawal.wasDispatched()) {
                order.step("ASSIGN", time.at(withdrawal.dispatched()), unit);
            }
            order.step("REVOKE", time.at(withdrawal.cancelled()), null);
        } else if (lifecycle < REVOKED + UNANSWERED) {
            if (dice.chance(0.6)) {
                order.step("ASSIGN", time.at(dice.between(30, 300)), unit);
            }
        } else if (lifecycle < REVOKED + UNANSWERED + REOPENED) {
            long replied = respond(order, time, 0, ResponseTimes.seconds(dice), unit, true, dice);
            reopen(order, time, replied, unit, dice);
        } else {
            boolean byPhone = lifecycle < REVOKED + UNANSWERED + REOPENED + BY_PHONE;
            long replied =
                    respond(order, time, 0, ResponseTimes.seconds(dice), unit, !byPhone, dice);
            close(order, time, replied, byPhone ? 0.8 : 0.85, dice);
        }
    }

    /**
     * The order 12345 creates for a 110 alarm handed over to it: linked to the alarm, its clock
     * started at the 110 call.
     *
     * @param time the 110 call's timeline
     * @param created seconds after the call the order is created
     * @param response seconds after the call it is responded to
     */
    void handedOver(
            String alarmId,
            String category,
            String content,
            Timeline time,
            long created,
            long response,
            Scene scene,
            Dice dice,
            List<PlannedRecord> out) {
        OrderScript order =
                new OrderScript(ids.nextOrderId(time.at(created)), alarmId, scene.town(), out);
        order.create(
                time.at(created),
                new OrderScript.Report(
                        "TRANSFER_110",
                        category,
                        dice.chance(0.8) ? "NORMAL" : "URGENT",
                        dice.chance(0.85),
                        null,
                        true,
                        content),
                scene);
        String unit = units.handler(Source.HOTLINE_12345, category, scene.town(), dice);
        long replied = respond(order, time, created, response, unit, dice.chance(0.7), dice);
        close(order, time, replied, 0.85, dice);
    }

    private OrderScript.Report report(
            String channel, String category, String content, Dice dice, Scene scene) {
        boolean byPhone = channel.equals("PHONE");
        String grid =
                dice.chance(0.7)
                        ? scene.place().gridPrefix()
                                + "-"
                                + String.format(Locale.ROOT, "%02d", dice.between(1, 12))
                        : null;
        return new OrderScript.Report(
                channel,
                category,
                urgency(category, dice),
                dice.chance(byPhone ? 0.4 : 0.9),
                grid,
                dice.chance(0.85),
                content);
    }

    /** Fire hazards are urgent more often; NORMAL is sometimes left to the schema's default. */
    private static String urgency(String category, Dice dice) {
        boolean fire = category.startsWith("公共安全/消防安全");
        double draw = dice.fraction();
        if (draw < (fire ? 0.10 : 0.03)) {
            return "EMERGENCY";
        }
        if (draw < (fire ? 0.60 : 0.18)) {
            return "URGENT";
        }
        return dice.chance(0.3) ? null : "NORMAL";
    }

    /**
     * Assigns, signs and responds ({@code onSite}: ARRIVE, then REPLY later; else REPLY by phone)
     * {@code response} seconds after the report; returns when it replied.
     */
    private static long respond(
            OrderScript order,
            Timeline time,
            long created,
            long response,
            String unit,
            boolean onSite,
            Dice dice) {
        long handling = response - created;
        order.step("ASSIGN", time.at(created + dice.share(handling, 0.1, 0.3)), unit);
        if (dice.chance(0.85)) {
            order.step("SIGN", time.at(created + dice.share(handling, 0.35, 0.6)), unit);
        }
        if (!onSite) {
            order.step("REPLY", time.at(response), unit);
            return response;
        }
        order.step("ARRIVE", time.at(response), unit);
        long replied = response + dice.between(10 * MINUTE, 180 * MINUTE);
        order.step("REPLY", time.at(replied), unit);
        return replied;
    }

    /** 归档, some time after the reply (not every order is archived within the simulation). */
    private static void close(
            OrderScript order, Timeline time, long replied, double probability, Dice dice) {
        if (dice.chance(probability)) {
            order.step("CLOSE", time.at(replied + dice.between(30 * MINUTE, 8 * HOUR)), null);
        }
    }

    /** The caller is not satisfied: 重办, handled again on site, replied and archived. */
    private static void reopen(
            OrderScript order, Timeline time, long replied, String unit, Dice dice) {
        long reopened = replied + dice.between(HOUR, 6 * HOUR);
        long assigned = reopened + dice.between(2 * MINUTE, 15 * MINUTE);
        long arrived = assigned + dice.between(10 * MINUTE, HOUR);
        long repliedAgain = arrived + dice.between(10 * MINUTE, 2 * HOUR);
        order.step("REOPEN", time.at(reopened), null);
        order.step("ASSIGN", time.at(assigned), unit);
        order.step("ARRIVE", time.at(arrived), unit);
        order.step("REPLY", time.at(repliedAgain), unit);
        order.step("CLOSE", time.at(repliedAgain + dice.between(30 * MINUTE, 4 * HOUR)), null);
    }

    private static double channelWeight(String channel) {
        return switch (channel) {
            case "PHONE" -> 60;
            case "APP", "WECHAT" -> 15;
            default -> 10;
        };
    }
}
