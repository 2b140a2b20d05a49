package org.pingzhi.dispatch.job;

import java.util.ArrayList;
import java.util.List;
import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.AlertNotice;

/**
 * The dispatch state of one alert.
 *
 * @param notice the latest open document, null until one came (an acknowledgement may come first)
 * @param pagedLevel the level of the duty first paged (CITY for a TOWN alert of no known town)
 * @param notificationsSent rounds sent to the crew and the city: 1 after the first
 * @param followUpAt the processing time of the pending follow-up timer, 0 for none
 * @param crew the channels of the first round, which re-notifications go to again
 * @param escalated the city's channels an escalation went to
 * @param resolved the alert is over: a copy of any of its documents pages nobody
 * @param forgetAt the processing time at which the whole state is dropped, 0 while it is needed
 */
public record AlertPaging(
        AlertNotice notice,
        AlertLevel pagedLevel,
        int notificationsSent,
        boolean acknowledged,
        long followUpAt,
        List<PagedChannel> crew,
        List<PagedChannel> escalated,
        boolean resolved,
        long forgetAt) {

    public AlertPaging {
        crew = List.copyOf(crew);
        escalated = List.copyOf(escalated);
    }

    /** Nothing sent yet, acknowledged by someone (the acknowledgement came first). */
    static AlertPaging acknowledgedFirst(long forgetAt) {
        return new AlertPaging(null, null, 0, true, 0, List.of(), List.of(), false, forgetAt);
    }

    /** Whether the first round went out. */
    boolean paged() {
        return notificationsSent > 0;
    }

    /** Everyone told of the alert: the crew, then the city after an escalation. */
    List<PagedChannel> everyonePaged() {
        List<PagedChannel> all = new ArrayList<>(crew);
        all.addAll(escalated);
        return all;
    }

    AlertPaging withNotice(AlertNotice newer) {
        return new AlertPaging(
                newer,
                pagedLevel,
                notificationsSent,
                acknowledged,
                followUpAt,
                crew,
                escalated,
                resolved,
                forgetAt);
    }

    AlertPaging acknowledge() {
        return new AlertPaging(
                notice,
                pagedLevel,
                notificationsSent,
                true,
                0,
                crew,
                escalated,
                resolved,
                forgetAt);
    }

    AlertPaging withoutFollowUp() {
        return new AlertPaging(
                notice,
                pagedLevel,
                notificationsSent,
                acknowledged,
                0,
                crew,
                escalated,
                resolved,
                forgetAt);
    }

    /**
     * After a follow-up round: {@code crew} the crew's channels as the roster in force has them,
     * {@code city} the city's channels an escalation went to.
     */
    AlertPaging followedUp(List<PagedChannel> crew, List<PagedChannel> city, long nextFollowUpAt) {
        List<PagedChannel> escalation = new ArrayList<>(escalated);
        escalation.addAll(city);
        return new AlertPaging(
                notice,
                pagedLevel,
                notificationsSent + 1,
                acknowledged,
                nextFollowUpAt,
                crew,
                escalation,
                resolved,
                forgetAt);
    }

    /** What stays of a resolved alert until {@code forgetAt}. */
    static AlertPaging resolvedUntil(long forgetAt) {
        return new AlertPaging(null, null, 0, true, 0, List.of(), List.of(), true, forgetAt);
    }
}
