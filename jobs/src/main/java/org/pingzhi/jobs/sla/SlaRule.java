package org.pingzhi.jobs.sla;

import java.io.Serializable;
import org.pingzhi.common.directory.TownKind;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;

/**
 * One rule of an {@link SlaPolicy}: a target for the incidents it matches. A null condition matches
 * anything.
 *
 * @param name for people reading the policy (may be null)
 * @param targetSeconds the response target, seconds
 */
public record SlaRule(
        String name,
        Source source,
        String category,
        Priority priority,
        String townCode,
        TownKind townKind,
        int targetSeconds)
        implements Serializable {

    public boolean matches(SlaSubject subject) {
        return (source == null || source == subject.source())
                && (category == null || category.equals(subject.category()))
                && (priority == null || priority == subject.priority())
                && (townCode == null || townCode.equals(subject.townCode()))
                && (townKind == null || townKind == subject.townKind());
    }
}
