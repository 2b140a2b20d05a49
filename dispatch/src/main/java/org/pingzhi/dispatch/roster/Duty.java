package org.pingzhi.dispatch.roster;

import java.util.List;
import org.pingzhi.dispatch.channel.Channel;

/**
 * One duty of the roster: the crews of one desk for some severities, and the channels they are
 * paged through.
 *
 * @param holiday null when the workday crew also covers rest days
 */
record Duty(Crew workday, Crew holiday, List<Channel> channels) {

    Duty {
        channels = List.copyOf(channels);
    }

    Crew crew(DayType dayType) {
        return dayType == DayType.HOLIDAY && holiday != null ? holiday : workday;
    }
}
