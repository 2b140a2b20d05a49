package org.pingzhi.dispatch.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.dispatch.ack.AckLinks;
import org.pingzhi.dispatch.ack.Acknowledgement;
import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.alert.AlertStatus;
import org.pingzhi.dispatch.delivery.DeliveryKey;
import org.pingzhi.dispatch.roster.AckPolicy;
import org.pingzhi.dispatch.roster.DutyRoster;
import org.pingzhi.dispatch.roster.FollowUp;
import org.pingzhi.dispatch.roster.Routing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by alertId: routes each state of an alert (OPEN, each re-notification, RESOLVED) to the
 * roster's channels, follows an unacknowledged alert up on the wall clock (processing-time timers:
 * re-send, then escalate TOWN → CITY, as the roster's {@link AckPolicy} says), stops on an
 * acknowledgement, and tells everyone paged of the resolution. Each {@link DeliveryKey} is handed
 * to delivery once: the checkpointed {@link AlertPaging} records which rounds went to which
 * channels (a round is handed over only when its state changes, a resolved alert is final), and the
 * delivery ledger stops what a restore from an older checkpoint hands over again. Acknowledgements
 * also go out on {@link DispatchOutputs#ACKS_SEEN} for the audit.
 *
 * <p>Every decision (routing, follow-up, resolution) takes the roster in force at that moment: the
 * start file until a roster is published, then the last one the roster control broadcast ({@link
 * RosterInForce}). A re-notification or resolution to a channel the roster in force no longer has
 * goes to the channels of the duty in force instead. Each roster that comes into force goes out on
 * {@link DispatchOutputs#ROSTERS_IN_FORCE} for the audit.
 */
public final class DispatchFunction
        extends KeyedBroadcastProcessFunction<
                String, DispatchInput, RosterVersion, DeliveryRequest> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(DispatchFunction.class);

    private final DispatchSettings settings;

    private transient RosterInForce rosters;
    private transient AckLinks ackLinks;
    private transient ValueState<AlertPaging> paging;

    /** The roster in force for the element or timer being handled, and its version. */
    private transient DutyRoster roster;

    private transient String rosterVersion;

    public DispatchFunction(DispatchSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        rosters = new RosterInForce(settings.startRoster());
        ackLinks = settings.ackLinks();
        paging = getRuntimeContext().getState(DispatchStateDescriptors.paging());
    }

    @Override
    public void processElement(
            DispatchInput input, ReadOnlyContext ctx, Collector<DeliveryRequest> out)
            throws Exception {
        useRosterInForce(ctx.getBroadcastState(DispatchStateDescriptors.ROSTER_IN_FORCE));
        if (input.alert() != null) {
            alert(input.alert(), ctx, out);
        } else {
            acknowledgement(input.ack(), ctx);
        }
    }

    @Override
    public void processBroadcastElement(
            RosterVersion published, Context ctx, Collector<DeliveryRequest> out) throws Exception {
        rosters.replace(ctx.getBroadcastState(DispatchStateDescriptors.ROSTER_IN_FORCE), published);
        ctx.output(DispatchOutputs.ROSTERS_IN_FORCE, published);
    }

    private void useRosterInForce(ReadOnlyBroadcastState<String, RosterVersion> state)
            throws Exception {
        RosterVersion version = rosters.version(state);
        roster = rosters.roster(version);
        rosterVersion = version.version();
    }

    private void alert(AlertNotice notice, ReadOnlyContext ctx, Collector<DeliveryRequest> out)
            throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        AlertPaging current = paging.value();
        if (current != null && current.resolved()) {
            return; // the document is final: a copy of it (a replay, a rewrite) pages nobody
        }
        switch (notice.status()) {
            case OPEN -> open(notice, current, now, ctx, out);
            case ACKED -> acknowledge(current, now, ctx);
            case RESOLVED -> resolve(notice, current, now, ctx, out);
        }
    }

    private void acknowledgement(Acknowledgement ack, ReadOnlyContext ctx) throws Exception {
        ctx.output(DispatchOutputs.ACKS_SEEN, ack);
        AlertPaging current = paging.value();
        if (current != null && current.resolved()) {
            return;
        }
        acknowledge(current, ctx.timerService().currentProcessingTime(), ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeliveryRequest> out)
            throws Exception {
        AlertPaging current = paging.value();
        if (current == null) {
            return;
        }
        if (timestamp == current.forgetAt()) {
            paging.clear();
            return;
        }
        if (timestamp != current.followUpAt() || current.acknowledged()) {
            return;
        }
        useRosterInForce(ctx.getBroadcastState(DispatchStateDescriptors.ROSTER_IN_FORCE));
        AlertNotice notice = current.notice();
        Optional<AckPolicy> policy = roster.policy(notice.severity());
        FollowUp followUp =
                policy.map(p -> p.afterTimeout(current.notificationsSent(), current.pagedLevel()))
                        .orElse(FollowUp.NONE);
        int renotification = current.notificationsSent();
        Instant at = Instant.ofEpochMilli(timestamp);
        List<PagedChannel> crew = crewInRoster(current, notice, at);
        List<PagedChannel> city = List.of();
        switch (followUp) {
            case RESEND -> crew.forEach(c -> handOver(notice, renotification, c, timestamp, out));
            case ESCALATE_TO_CITY -> {
                city = channels(roster.route(AlertLevel.CITY, null, notice.severity(), at));
                city.forEach(c -> handOver(notice, renotification, c, timestamp, out));
            }
            case NONE -> {
                paging.update(current.withoutFollowUp());
                return;
            }
        }
        long next =
                policy.get().afterTimeout(renotification + 1, current.pagedLevel()) == FollowUp.NONE
                        ? 0
                        : timestamp + policy.get().ackTimeout().toMillis();
        if (next > 0) {
            ctx.timerService().registerProcessingTimeTimer(next);
        }
        paging.update(current.followedUp(crew, city, next));
    }

    private void open(
            AlertNotice notice,
            AlertPaging current,
            long now,
            ReadOnlyContext ctx,
            Collector<DeliveryRequest> out)
            throws Exception {
        if (current != null && current.paged()) {
            paging.update(
                    current.withNotice(notice)); // a newer document: its facts for the follow-ups
            return;
        }
        boolean acknowledged = current != null && current.acknowledged();
        if (current != null && current.forgetAt() > 0) {
            ctx.timerService().deleteProcessingTimeTimer(current.forgetAt());
        }
        Routing routing =
                roster.route(
                        notice.level(),
                        notice.townCode(),
                        notice.severity(),
                        Instant.ofEpochMilli(now));
        List<PagedChannel> crew = channels(routing);
        crew.forEach(c -> handOver(notice, 0, c, now, out));
        long followUpAt = 0;
        if (!acknowledged && routing.policy().isPresent()) {
            followUpAt = now + routing.policy().get().ackTimeout().toMillis();
            ctx.timerService().registerProcessingTimeTimer(followUpAt);
        }
        paging.update(
                new AlertPaging(
                        notice,
                        routing.level(),
                        1,
                        acknowledged,
                        followUpAt,
                        crew,
                        List.of(),
                        false,
                        0));
    }

    private void acknowledge(AlertPaging current, long now, ReadOnlyContext ctx) throws Exception {
        if (current == null) {
            long forgetAt = now + settings.resolvedRetention().toMillis();
            ctx.timerService().registerProcessingTimeTimer(forgetAt);
            paging.update(AlertPaging.acknowledgedFirst(forgetAt));
            return;
        }
        if (current.acknowledged()) {
            return;
        }
        if (current.followUpAt() > 0) {
            ctx.timerService().deleteProcessingTimeTimer(current.followUpAt());
        }
        paging.update(current.acknowledge());
    }

    private void resolve(
            AlertNotice notice,
            AlertPaging current,
            long now,
            ReadOnlyContext ctx,
            Collector<DeliveryRequest> out)
            throws Exception {
        if (current != null) {
            Instant at = Instant.ofEpochMilli(now);
            List<PagedChannel> everyone = new ArrayList<>(crewInRoster(current, notice, at));
            inRoster(
                            current.escalated(),
                            () -> roster.route(AlertLevel.CITY, null, notice.severity(), at))
                    .stream()
                    .filter(c -> !named(everyone, c.channel()))
                    .forEach(everyone::add);
            everyone.forEach(c -> handOver(notice, 0, c, now, out));
            if (current.followUpAt() > 0) {
                ctx.timerService().deleteProcessingTimeTimer(current.followUpAt());
            }
            if (current.forgetAt() > 0) {
                ctx.timerService().deleteProcessingTimeTimer(current.forgetAt());
            }
        }
        long forgetAt = now + settings.resolvedRetention().toMillis();
        ctx.timerService().registerProcessingTimeTimer(forgetAt);
        paging.update(AlertPaging.resolvedUntil(forgetAt));
    }

    /** The crew's channels as the roster in force has them ({@link #inRoster}). */
    private List<PagedChannel> crewInRoster(AlertPaging current, AlertNotice notice, Instant at) {
        return inRoster(
                current.crew(),
                () -> roster.route(current.pagedLevel(), notice.townCode(), notice.severity(), at));
    }

    /**
     * The channels of {@code paged} the roster in force still has; in place of any it dropped, the
     * channels of the duty in force, so that nobody goes untold because a robot was retired.
     */
    private List<PagedChannel> inRoster(List<PagedChannel> paged, Supplier<Routing> onDuty) {
        List<PagedChannel> kept =
                paged.stream().filter(c -> roster.channel(c.channel()).isPresent()).toList();
        if (kept.size() == paged.size()) {
            return paged;
        }
        List<PagedChannel> channels = new ArrayList<>(kept);
        channels(onDuty.get()).stream()
                .filter(c -> !named(channels, c.channel()))
                .forEach(channels::add);
        LOG.warn(
                "Duty roster {} no longer has some of {}: paging {} instead",
                rosterVersion,
                paged.stream().map(PagedChannel::channel).toList(),
                channels.stream().map(PagedChannel::channel).toList());
        return channels;
    }

    private static boolean named(List<PagedChannel> channels, String name) {
        return channels.stream().anyMatch(c -> c.channel().equals(name));
    }

    private static List<PagedChannel> channels(Routing routing) {
        List<String> mobiles = routing.mobiles();
        String who = routing.recipients().isEmpty() ? null : routing.recipients().get(0).id();
        List<PagedChannel> channels = new ArrayList<>();
        routing.channels().forEach(c -> channels.add(new PagedChannel(c.name(), who, mobiles)));
        return channels;
    }

    private void handOver(
            AlertNotice notice,
            int renotification,
            PagedChannel to,
            long now,
            Collector<DeliveryRequest> out) {
        DeliveryKey key = DeliveryKey.of(notice, renotification, to.channel());
        String ackLink =
                notice.status() == AlertStatus.OPEN
                                && to.who() != null
                                && roster.policy(notice.severity()).isPresent()
                        ? ackLinks.link(notice.alertId(), to.who(), Instant.ofEpochMilli(now))
                                .toString()
                        : null;
        out.collect(
                new DeliveryRequest(
                        key,
                        roster.channel(to.channel()).orElseThrow(),
                        notice,
                        ackLink,
                        to.mobiles(),
                        rosterVersion,
                        now));
    }
}
