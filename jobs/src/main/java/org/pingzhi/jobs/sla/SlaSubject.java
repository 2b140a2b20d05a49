package org.pingzhi.jobs.sla;

import org.pingzhi.common.directory.Town;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.directory.TownKind;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;

/**
 * What an SLA policy looks an incident up by.
 *
 * @param source the incident's own source (110 for a handed-over incident)
 * @param category unified category code
 * @param priority P1..P3
 * @param townCode the town's code
 */
public record SlaSubject(Source source, String category, Priority priority, String townCode) {

    /** The kind of the incident's town (towns.tsv), or null for a code not in it. */
    public TownKind townKind() {
        return TownDirectory.standard().byCode(townCode).map(Town::kind).orElse(null);
    }
}
