package org.pingzhi.jobs.rules.flow;

import org.pingzhi.common.model.Document;
import org.pingzhi.common.output.AlertDocument;

/**
 * A rule's alert as it stands after something happened to its episode (fired, grew, resolved), with
 * the event time of that happening.
 */
public record RuleAlertChanged(AlertDocument alert, long eventTime) {

    public Document render() {
        return alert.render(eventTime);
    }
}
