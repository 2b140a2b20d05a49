package org.pingzhi.common.directory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The towns of towns.tsv, looked up the way each source names them: 12345 by town name, 110 by
 * police station. Names match exactly (no trimming, no case folding): the contract makes anything
 * else {@code UNKNOWN_TOWN}.
 */
public final class TownDirectory implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Classpath location of the shipped copy of the contract's towns.tsv. */
    public static final String RESOURCE = "/contracts/towns.tsv";

    private static final List<String> COLUMNS =
            List.of("townCode", "town", "kind", "station", "lat", "lon");

    private final List<Town> towns;
    private final Map<String, Town> byName;
    private final Map<String, Town> byStation;
    private final Map<String, Town> byCode;

    private TownDirectory(List<Town> towns) {
        this.towns = List.copyOf(towns);
        this.byName = index(towns, Town::name);
        this.byStation = index(towns, Town::station);
        this.byCode = index(towns, Town::code);
    }

    /** The directory shipped with the code, loaded once per JVM and shared. */
    public static TownDirectory standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final TownDirectory INSTANCE = loadDefault();
    }

    /** The directory shipped with the code ({@value #RESOURCE}). */
    public static TownDirectory loadDefault() {
        return fromTable(TsvTable.fromResource(RESOURCE, COLUMNS));
    }

    /** A directory from the text of a towns.tsv file. */
    public static TownDirectory parse(String tsv) {
        return fromTable(TsvTable.parse("towns.tsv", tsv, COLUMNS));
    }

    private static TownDirectory fromTable(TsvTable table) {
        List<Town> towns = new ArrayList<>();
        for (Map<String, String> row : table.rows()) {
            towns.add(
                    new Town(
                            row.get("townCode"),
                            row.get("town"),
                            TownKind.fromTsv(row.get("kind")),
                            row.get("station"),
                            Double.parseDouble(row.get("lat")),
                            Double.parseDouble(row.get("lon"))));
        }
        return new TownDirectory(towns);
    }

    private static Map<String, Town> index(List<Town> towns, Function<Town, String> key) {
        Map<String, Town> index = new HashMap<>();
        for (Town town : towns) {
            Town previous = index.put(key.apply(town), town);
            if (previous != null) {
                throw new IllegalStateException("towns.tsv names " + key.apply(town) + " twice");
            }
        }
        return Map.copyOf(index);
    }

    /** The town a 12345 record names in {@code town}. */
    public Optional<Town> byTownName(String name) {
        return Optional.ofNullable(name).map(byName::get);
    }

    /** The town whose police station a 110 record names in {@code station}. */
    public Optional<Town> byStation(String station) {
        return Optional.ofNullable(station).map(byStation::get);
    }

    public Optional<Town> byCode(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** All towns, in the order of the file. */
    public List<Town> all() {
        return towns;
    }
}
