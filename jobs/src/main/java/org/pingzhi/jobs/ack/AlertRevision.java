package org.pingzhi.jobs.ack;

import org.pingzhi.common.model.Document;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.jobs.lifecycle.IncidentChange.AlertChanged;
import org.pingzhi.jobs.rules.flow.RuleAlertChanged;

/**
 * An alert as it stands after something happened to it (an SLA escalation's or a rule episode's),
 * with the event time of that happening: what {@link AlertAcknowledgementFunction} takes and gives.
 */
public record AlertRevision(AlertDocument alert, long eventTime) {

    public static AlertRevision of(AlertChanged change) {
        return new AlertRevision(change.alert(), change.eventTime());
    }

    public static AlertRevision of(RuleAlertChanged change) {
        return new AlertRevision(change.alert(), change.eventTime());
    }

    public String alertId() {
        return alert.alertId();
    }

    public Document render() {
        return alert.render(eventTime);
    }
}
