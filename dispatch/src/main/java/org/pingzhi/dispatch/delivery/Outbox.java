package org.pingzhi.dispatch.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.alert.Severity;
import org.pingzhi.dispatch.channel.Channel;
import org.pingzhi.dispatch.channel.GenericWebhook;
import org.pingzhi.dispatch.channel.KibanaLinks;
import org.pingzhi.dispatch.channel.MessageComposer;
import org.pingzhi.dispatch.channel.OutboundMessage;

/**
 * Sends notifications to channels within the robots' rate limits: a robot's message goes now or
 * waits for its digest ({@link RobotRateLimiter}); a generic webhook has no limit. Not thread-safe:
 * one caller (an operator) drives it, with the time, and calls {@link #flushDue} when {@link
 * #nextDueAt} comes.
 */
public final class Outbox {

    /** Alerts a digest's link names one by one: more would make it too long for WeCom. */
    static final int LINKED_BY_ID = 10;

    /**
     * Sends one message standing for {@code covered} (one notification, or a digest's): the
     * dispatch job books each of them in its ledger before the request goes.
     */
    @FunctionalInterface
    public interface Sender {
        CompletableFuture<DeliveryResult> send(OutboundMessage message, List<Notification> covered);
    }

    private final RobotRateLimiter<Notification> limiter;
    private final MessageComposer composer;
    private final Sender sender;
    private final KibanaLinks kibana;
    private final Map<String, Channel> robots = new HashMap<>();

    public Outbox(
            RobotRateLimiter<Notification> limiter,
            MessageComposer composer,
            HttpDelivery delivery,
            KibanaLinks kibana) {
        this(limiter, composer, (message, covered) -> delivery.deliver(message), kibana);
    }

    public Outbox(
            RobotRateLimiter<Notification> limiter,
            MessageComposer composer,
            Sender sender,
            KibanaLinks kibana) {
        this.limiter = limiter;
        this.composer = composer;
        this.sender = sender;
        this.kibana = kibana;
    }

    /**
     * The delivery of {@code notification} to {@code channel}, or empty when it waits for a digest.
     */
    public List<CompletableFuture<DeliveryResult>> submit(
            Channel channel, Notification notification, long now) {
        if (!(channel instanceof GenericWebhook)) {
            robots.put(channel.name(), channel);
            if (limiter.offer(channel.name(), notification, now) == Admission.HELD) {
                return List.of();
            }
        }
        return List.of(sender.send(message(channel, notification), List.of(notification)));
    }

    /**
     * Books a message of {@code channel} at {@code now} when it may go at once, for {@link
     * #sendBooked}; false (nothing booked, nothing held) when it would wait for a digest.
     */
    public boolean book(Channel channel, long now) {
        if (channel instanceof GenericWebhook) {
            return true;
        }
        robots.put(channel.name(), channel);
        return limiter.book(channel.name(), now);
    }

    /** The delivery of {@code notification} to {@code channel}, booked with {@link #book}. */
    public CompletableFuture<DeliveryResult> sendBooked(
            Channel channel, Notification notification) {
        return sender.send(message(channel, notification), List.of(notification));
    }

    /** The deliveries of the digests due at {@code now}. */
    public List<CompletableFuture<DeliveryResult>> flushDue(long now) {
        List<CompletableFuture<DeliveryResult>> deliveries = new ArrayList<>();
        for (Digest<Notification> digest : limiter.due(now)) {
            Channel robot = robots.get(digest.robot());
            deliveries.add(sender.send(digestMessage(robot, digest.items()), digest.items()));
        }
        return deliveries;
    }

    /** When {@link #flushDue} has something to send; empty when nothing waits. */
    public java.util.OptionalLong nextDueAt() {
        return limiter.nextDueAt();
    }

    private OutboundMessage message(Channel channel, Notification notification) {
        return composer.alert(
                channel, notification.notice(), notification.links(), notification.mobiles());
    }

    private OutboundMessage digestMessage(Channel robot, List<Notification> held) {
        if (held.size() == 1) {
            return message(robot, held.get(0));
        }
        List<AlertNotice> notices = held.stream().map(Notification::notice).toList();
        Set<String> mobiles = new LinkedHashSet<>();
        held.stream()
                .filter(n -> n.notice().severity() == Severity.CRITICAL)
                .forEach(n -> mobiles.addAll(n.mobiles()));
        return composer.digest(robot, notices, kibanaLink(notices), List.copyOf(mobiles));
    }

    /** A link naming each alert while it stays short, else the alerts of the digest's span. */
    private URI kibanaLink(List<AlertNotice> notices) {
        if (notices.size() <= LINKED_BY_ID) {
            return kibana.alerts(notices.stream().map(AlertNotice::alertId).toList());
        }
        List<Instant> fired = notices.stream().map(AlertNotice::firedAt).sorted().toList();
        return kibana.firedBetween(fired.get(0), fired.get(fired.size() - 1));
    }
}
