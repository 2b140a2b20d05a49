package org.pingzhi.jobs.rules;

import java.io.Serializable;
import org.pingzhi.common.rules.RuleEpisode;

/**
 * Something that happened to an episode, with the episode as it stands afterwards: enough to
 * (re)write its alert, whose id depends only on the group and the episode's start.
 */
public record EpisodeEvent(Type type, RuleEpisode episode) implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Type {
        /** The episode fired: a new alert. */
        FIRED,
        /** An open episode grew (more incidents, a later window end): the same alert, updated. */
        UPDATED,
        /** The episode was resolved at {@code episode.resolvedAt()}. */
        RESOLVED
    }
}
