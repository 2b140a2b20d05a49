package org.pingzhi.jobs.sla;

/**
 * What the SLA of one incident is decided on: whom the policy looks up and when the response clock
 * started and stopped.
 *
 * @param subject what the policy looks the target up by
 * @param clockStart the report, epoch milliseconds
 * @param respondedAt the response that stops the clock (earliest ON_SCENE/RESOLVED/CLOSED), or null
 * @param cancelledAt the cancellation, or null
 */
public record SlaInput(SlaSubject subject, long clockStart, Long respondedAt, Long cancelledAt) {}
