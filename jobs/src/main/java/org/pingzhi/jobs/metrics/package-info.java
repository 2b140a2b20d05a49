/**
 * The per-minute metrics of the contract ({@code pingzhi-metrics-YYYY.MM.DD}, replay's {@code
 * metrics.jsonl}): what is booked in which minute, which documents exist, {@code open} at the
 * minute's end, and the correction in place when a late record changes an incident.
 *
 * <p>Functional core: {@link org.pingzhi.jobs.metrics.IncidentBookings#of} (an incident's document,
 * its SLA as judged → what it books where: {@code reported} at the report, {@code responded} with
 * its response time at the clock stop unless VOID, {@code slaMet} at the response, {@code
 * slaBreached} at the deadline, open from the report to the earliest RESOLVED/CLOSED/CANCELLED),
 * {@link org.pingzhi.jobs.metrics.BookingChange#between} (what moved, per group), {@link
 * org.pingzhi.jobs.metrics.MinuteCounts} (a minute's counts; responses kept one by one so that a
 * withdrawn one corrects the maximum) and {@link org.pingzhi.jobs.metrics.MinuteMetricDocument}
 * (the contract's JSON; a minute left with only zeros renders as its deletion).
 *
 * <p>Two keyed operators: {@link org.pingzhi.jobs.metrics.IncidentBookingsFunction} keyed by
 * incidentId (its last bookings → the changes), then {@link
 * org.pingzhi.jobs.metrics.MinuteMetricsFunction} keyed by {@link
 * org.pingzhi.jobs.metrics.MetricGroup#key()} (town, source, category: one group's busy minute
 * holds up no other), which writes a minute when event time passes its end and rewrites it at once
 * when a late change reaches it within the lateness bound ({@link
 * org.pingzhi.jobs.metrics.MetricsOptions#LATENESS}, default 1 h). Beyond the bound a minute is
 * final: its state is gone and nothing rewrites it (counted in {@code
 * metricsChangesBeyondLateness}), but an open-count change still counts for the minutes after it.
 *
 * <p>Wired in {@link org.pingzhi.jobs.graph.CommandCenterGraph}, live and replay alike: every
 * incident document the lifecycle emits (also those of a cleaned-up incident's summary) → bookings
 * → keyBy incident → {@link org.pingzhi.jobs.metrics.IncidentBookingsFunction} → keyBy group →
 * {@link org.pingzhi.jobs.metrics.MinuteMetricsFunction} → {@link
 * org.pingzhi.jobs.metrics.MinuteMetricDocument#render}.
 */
package org.pingzhi.jobs.metrics;
