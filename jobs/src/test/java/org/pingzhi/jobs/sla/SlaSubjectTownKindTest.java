package org.pingzhi.jobs.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownKind;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;
import org.pingzhi.jobs.lifecycle.TestEvents;

/** The SLA policy tiers incidents by the kind of their town, as towns.tsv gives it. */
class SlaSubjectTownKindTest {

    @Test
    void theThreeSubdistrictsAndTheSixTownsOfPinghu() {
        Map<String, TownKind> expected =
                Map.of(
                        "当湖街道", TownKind.SUBDISTRICT,
                        "钟埭街道", TownKind.SUBDISTRICT,
                        "曹桥街道", TownKind.SUBDISTRICT,
                        "乍浦镇", TownKind.TOWN,
                        "新埭镇", TownKind.TOWN,
                        "新仓镇", TownKind.TOWN,
                        "独山港镇", TownKind.TOWN,
                        "林埭镇", TownKind.TOWN,
                        "广陈镇", TownKind.TOWN);

        expected.forEach(
                (town, kind) ->
                        assertThat(subject(TestEvents.TOWNS.get(town)).townKind())
                                .as(town)
                                .isEqualTo(kind));
        assertThat(subject("33048210").townKind()).isNull();
        assertThat(subject(null).townKind()).isNull();
    }

    @Test
    void policiesSpellTheKindsAsTownsTsvDoes() {
        assertThat(TownKind.SUBDISTRICT.spelling()).isEqualTo("subdistrict");
        assertThat(TownKind.TOWN.spelling()).isEqualTo("town");
    }

    private static SlaSubject subject(String townCode) {
        return new SlaSubject(Source.POLICE_110, "DISPUTE", Priority.P2, townCode);
    }
}
