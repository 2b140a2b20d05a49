package org.pingzhi.dispatch.roster;

import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.Severity;

/** A desk and severity the roster must staff: a town's (by code) or the city's (townCode null). */
record DutyDesk(AlertLevel level, String townCode, Severity severity) {

    @Override
    public String toString() {
        return level == AlertLevel.CITY ? "CITY " + severity : "TOWN " + townCode + " " + severity;
    }
}
