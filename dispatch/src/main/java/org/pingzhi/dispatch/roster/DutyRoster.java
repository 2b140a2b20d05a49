package org.pingzhi.dispatch.roster;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.Severity;
import org.pingzhi.dispatch.channel.Channel;

/**
 * A validated duty roster (read by {@link RosterFile}) and the router over it: which duty officers
 * an alert goes to, through which channels, and how it is followed up. Every town and the city are
 * staffed for every severity and shift, so routing never fails.
 */
public final class DutyRoster {

    /** The roster's shifts, holidays and dates are Pinghu's. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final LocalTime dayShiftStarts;
    private final LocalTime nightShiftStarts;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final Map<DutyDesk, Duty> duties;
    private final Map<Severity, AckPolicy> policies;

    DutyRoster(
            LocalTime dayShiftStarts,
            LocalTime nightShiftStarts,
            Set<LocalDate> holidays,
            Set<LocalDate> workdays,
            Map<DutyDesk, Duty> duties,
            Map<Severity, AckPolicy> policies) {
        this.dayShiftStarts = dayShiftStarts;
        this.nightShiftStarts = nightShiftStarts;
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
        this.duties = Map.copyOf(duties);
        this.policies = Map.copyOf(policies);
    }

    /**
     * Where an alert of {@code level}, {@code townCode} and {@code severity} goes at {@code at}. A
     * TOWN alert of no town or of a town the roster does not know goes to the city's duty.
     */
    public Routing route(AlertLevel level, String townCode, Severity severity, Instant at) {
        DutyDesk desk = new DutyDesk(AlertLevel.TOWN, townCode, severity);
        if (level == AlertLevel.CITY || !duties.containsKey(desk)) {
            desk = new DutyDesk(AlertLevel.CITY, null, severity);
        }
        Duty duty = duties.get(desk);
        LocalDateTime local = LocalDateTime.ofInstant(at, ZONE);
        Shift shift = shiftAt(local.toLocalTime());
        LocalDate dutyDate =
                local.toLocalTime().isBefore(dayShiftStarts)
                        ? local.toLocalDate().minusDays(1)
                        : local.toLocalDate();
        DayType dayType = dayType(dutyDate);
        return new Routing(
                desk.level(),
                desk.townCode(),
                severity,
                dutyDate,
                dayType,
                shift,
                duty.crew(dayType).on(shift),
                duty.channels(),
                policy(severity));
    }

    /** The channel the roster names {@code name}, empty when it names none. */
    public Optional<Channel> channel(String name) {
        return duties.values().stream()
                .flatMap(duty -> duty.channels().stream())
                .filter(channel -> channel.name().equals(name))
                .findFirst();
    }

    /** The acknowledgement policy of {@code severity}, empty when it needs none. */
    public Optional<AckPolicy> policy(Severity severity) {
        return Optional.ofNullable(policies.get(severity));
    }

    /**
     * A rest day (Saturday, Sunday, or a listed holiday) is a HOLIDAY unless the roster lists it as
     * a make-up workday (调休).
     */
    public DayType dayType(LocalDate date) {
        if (workdays.contains(date)) {
            return DayType.WORKDAY;
        }
        boolean weekend =
                date.getDayOfWeek() == DayOfWeek.SATURDAY
                        || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend || holidays.contains(date) ? DayType.HOLIDAY : DayType.WORKDAY;
    }

    private Shift shiftAt(LocalTime time) {
        return !time.isBefore(dayShiftStarts) && time.isBefore(nightShiftStarts)
                ? Shift.DAY
                : Shift.NIGHT;
    }
}
