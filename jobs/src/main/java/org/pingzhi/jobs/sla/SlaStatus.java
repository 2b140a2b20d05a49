package org.pingzhi.jobs.sla;

/** The response SLA status of an incident (contract "The response SLA"). */
public enum SlaStatus {
    PENDING,
    MET,
    BREACHED,
    VOID
}
