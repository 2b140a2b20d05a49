package org.pingzhi.dispatch.job;

import org.pingzhi.dispatch.ack.Acknowledgement;
import org.pingzhi.dispatch.alert.AlertNotice;

/**
 * What the dispatch function takes, keyed by alertId: an alert document or an acknowledgement (one
 * keyed input, so that the function can also take the broadcast roster).
 *
 * @param alert the alert document, null for an acknowledgement
 * @param ack the acknowledgement, null for an alert document
 */
public record DispatchInput(AlertNotice alert, Acknowledgement ack) {

    public static DispatchInput alert(AlertNotice alert) {
        return new DispatchInput(alert, null);
    }

    public static DispatchInput ack(Acknowledgement ack) {
        return new DispatchInput(null, ack);
    }

    public String alertId() {
        return alert != null ? alert.alertId() : ack.alertId();
    }
}
