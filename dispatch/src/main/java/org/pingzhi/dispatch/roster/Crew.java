package org.pingzhi.dispatch.roster;

import java.util.List;

/** Who is on duty in each shift of one kind of day. */
record Crew(List<Person> day, List<Person> night) {

    Crew {
        day = List.copyOf(day);
        night = List.copyOf(night);
    }

    List<Person> on(Shift shift) {
        return shift == Shift.DAY ? day : night;
    }
}
