package org.pingzhi.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingzhi.common.directory.TownDirectory;

/**
 * Pinghu's towns (the contract's towns.tsv, through {@link TownDirectory}) with the simulator's
 * villages, roads and weights.
 */
final class Gazetteer {

    static final String PLACES_RESOURCE = "/simulate/places.tsv";

    private final Weighted<Locality> localities;

    private Gazetteer(List<Locality> localities) {
        this.localities = Weighted.of(localities, Locality::weight);
    }

    static Gazetteer load() {
        Map<String, String[]> places = new HashMap<>();
        for (String[] row : Tsv.rows(PLACES_RESOURCE, 5)) {
            places.put(row[0], row);
        }
        List<Locality> localities = new ArrayList<>();
        for (org.pingzhi.common.directory.Town listed : TownDirectory.standard().all()) {
            Town town =
                    new Town(
                            listed.code(),
                            listed.name(),
                            listed.station(),
                            listed.lat(),
                            listed.lon());
            String[] place = places.get(town.code());
            if (place == null) {
                throw new IllegalStateException(
                        PLACES_RESOURCE + " has no row for town " + town.code());
            }
            localities.add(
                    new Locality(
                            town,
                            Double.parseDouble(place[1]),
                            place[2],
                            List.of(place[3].split(",")),
                            List.of(place[4].split(","))));
        }
        return new Gazetteer(localities);
    }

    Locality pick(Dice dice) {
        return localities.pick(dice);
    }

    List<Locality> localities() {
        return localities.items();
    }
}
