package org.pingzhi.jobs.rules;

import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.rules.RuleEpisode;

/**
 * The events of one advance of a group, in order. An update of the episode the last event is about
 * replaces that event's episode (keeping its type), so one advance reports an episode's growth once
 * instead of once per incident.
 */
final class EpisodeEvents {

    private final List<EpisodeEvent> events = new ArrayList<>();

    void fired(RuleEpisode episode) {
        events.add(new EpisodeEvent(EpisodeEvent.Type.FIRED, episode));
    }

    void updated(RuleEpisode episode) {
        int last = events.size() - 1;
        if (last >= 0
                && events.get(last).type() != EpisodeEvent.Type.RESOLVED
                && events.get(last).episode().start() == episode.start()) {
            events.set(last, new EpisodeEvent(events.get(last).type(), episode));
        } else {
            events.add(new EpisodeEvent(EpisodeEvent.Type.UPDATED, episode));
        }
    }

    void resolved(RuleEpisode episode) {
        events.add(new EpisodeEvent(EpisodeEvent.Type.RESOLVED, episode));
    }

    List<EpisodeEvent> list() {
        return List.copyOf(events);
    }
}
