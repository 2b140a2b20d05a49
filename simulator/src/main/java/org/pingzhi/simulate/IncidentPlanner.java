package org.pingzhi.simulate;

import java.util.ArrayList;
import java.util.List;

/** Plans all records of one incident: where, who, which platform, and its lifecycle. */
final class IncidentPlanner {

    /** Share of incidents reported to 110 (the rest call 12345). */
    static final double POLICE_SHARE = 0.4;

    private final Gazetteer gazetteer;
    private final People people;
    private final PoliceLifecycles police;
    private final HotlineLifecycles hotline;

    IncidentPlanner(Vocabulary vocabulary, People people, IdSequencer ids) {
        this.gazetteer = vocabulary.gazetteer();
        this.people = people;
        this.hotline = new HotlineLifecycles(vocabulary.texts(), vocabulary.units(), people, ids);
        this.police =
                new PoliceLifecycles(vocabulary.texts(), vocabulary.units(), people, ids, hotline);
    }

    /** The incident's records, both platforms' (delivery orders them by emission time). */
    List<PlannedRecord> plan(long reportAt, Dice dice) {
        Scene scene = Scene.draw(gazetteer, people, dice);
        List<PlannedRecord> records = new ArrayList<>(12);
        if (dice.chance(POLICE_SHARE)) {
            police.plan(reportAt, scene, dice, records);
        } else {
            hotline.plan(reportAt, scene, dice, records);
        }
        return records;
    }
}
