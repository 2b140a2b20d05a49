package org.pingzhi.jobs.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingzhi.jobs.lifecycle.TestEvents;

class TownKindTest {

    @Test
    void subdistrictsAreTheCodesBelow100AndTownsTheRest() {
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
                        assertThat(TownKind.of(TestEvents.TOWNS.get(town)))
                                .as(town)
                                .isEqualTo(kind));
        assertThat(TownKind.of("33048210")).isNull();
        assertThat(TownKind.of(null)).isNull();
    }

    @Test
    void theKindsAgreeWithTownsTsvWhenTheContractsArePresent() throws IOException {
        Path towns =
                Path.of(
                        System.getProperty("pingzhi.contracts.dir", "../../shared/contracts"),
                        "towns.tsv");
        assumeTrue(Files.exists(towns), "contracts not present: " + towns);
        List<String[]> rows =
                Files.readAllLines(towns).stream()
                        .filter(line -> line.startsWith("330"))
                        .map(line -> line.split("\t"))
                        .toList();

        assertThat(rows).hasSize(9);
        for (String[] row : rows) {
            assertThat(TownKind.of(row[0]).policyName()).as(row[1]).isEqualTo(row[2]);
            assertThat(TestEvents.TOWNS).containsEntry(row[1], row[0]);
        }
    }
}
