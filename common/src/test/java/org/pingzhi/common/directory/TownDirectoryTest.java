package org.pingzhi.common.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TownDirectoryTest {

    private final TownDirectory towns = TownDirectory.loadDefault();

    @Test
    void listsPinghusNineTownsInFileOrder() {
        assertThat(towns.all()).hasSize(9);
        assertThat(towns.all().get(0))
                .isEqualTo(
                        new Town(
                                "330482001",
                                "当湖街道",
                                TownKind.SUBDISTRICT,
                                "当湖派出所",
                                30.6985,
                                121.0150));
        assertThat(towns.all()).filteredOn(t -> t.kind() == TownKind.TOWN).hasSize(6);
    }

    @Test
    void findsA12345TownByName() {
        assertThat(towns.byTownName("新仓镇")).map(Town::code).contains("330482102");
    }

    @Test
    void findsA110TownByPoliceStation() {
        assertThat(towns.byStation("钟埭派出所")).map(Town::name).contains("钟埭街道");
    }

    @Test
    void findsATownByCode() {
        assertThat(towns.byCode("330482105")).map(Town::station).contains("广陈派出所");
    }

    @Test
    void matchesNamesExactlyOnly() {
        assertThat(towns.byTownName("新仓镇 ")).isEmpty();
        assertThat(towns.byTownName("新仓")).isEmpty();
        assertThat(towns.byTownName("新仓派出所")).isEmpty();
        assertThat(towns.byStation("新仓镇")).isEmpty();
        assertThat(towns.byStation("上海派出所")).isEmpty();
        assertThat(towns.byTownName(null)).isEmpty();
        assertThat(towns.byCode("330482999")).isEmpty();
    }

    @Test
    void refusesADirectoryNamingAStationTwice() {
        String tsv =
                "townCode\ttown\tkind\tstation\tlat\tlon\n"
                        + "1\tA镇\ttown\tX派出所\t30\t121\n"
                        + "2\tB镇\ttown\tX派出所\t30\t121\n";

        assertThatThrownBy(() -> TownDirectory.parse(tsv))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("X派出所");
    }

    @Test
    void refusesARowWithMissingCells() {
        String tsv = "# comment\ntownCode\ttown\tkind\tstation\tlat\tlon\n1\tA镇\ttown\n";

        assertThatThrownBy(() -> TownDirectory.parse(tsv))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 3");
    }
}
