package org.pingzhi.simulate;

/**
 * An incident's times, as whole seconds after its report (the upstream stamps have no fraction).
 */
record Timeline(long reportAtMillis) {

    long at(long secondsAfterReport) {
        return reportAtMillis + secondsAfterReport * 1_000;
    }
}
