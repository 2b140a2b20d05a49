package org.pingzhi.dispatch.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.Severity;
import org.pingzhi.dispatch.channel.Channel;

/**
 * Who an alert goes to, and how.
 *
 * @param level the duty that is paged: CITY also for a TOWN alert of no known town
 * @param townCode the town whose duty is paged, null for the city's
 * @param dutyDate the date the shift began on (a night shift after midnight belongs to the day
 *     before), in Asia/Shanghai
 * @param policy the acknowledgement policy, empty where the severity needs no acknowledgement
 */
public record Routing(
        AlertLevel level,
        String townCode,
        Severity severity,
        LocalDate dutyDate,
        DayType dayType,
        Shift shift,
        List<Person> recipients,
        List<Channel> channels,
        Optional<AckPolicy> policy) {

    public Routing {
        recipients = List.copyOf(recipients);
        channels = List.copyOf(channels);
    }

    /** The recipients' mobiles, for DingTalk's @-mention. */
    public List<String> mobiles() {
        return recipients.stream().map(Person::mobile).toList();
    }
}
