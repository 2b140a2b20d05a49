package org.pingzhi.simulate;

/**
 * Where and by whom an incident is reported, shared by all of its records on both platforms.
 *
 * @param place the town
 * @param village the village or community
 * @param caller who called
 * @param lat latitude near the town centre, as written in the records
 * @param lon longitude near the town centre, as written in the records
 */
record Scene(
        Locality place,
        String village,
        Caller caller,
        RecordFields.RawNumber lat,
        RecordFields.RawNumber lon) {

    /** Positions scatter about this far (degrees, ~3 km) around a town's centre. */
    private static final double SCATTER_DEGREES = 0.03;

    static Scene draw(Gazetteer gazetteer, People people, Dice dice) {
        Locality place = gazetteer.pick(dice);
        Town town = place.town();
        return new Scene(
                place,
                dice.pick(place.villages()),
                people.caller(dice),
                coordinate(town.lat() + scatter(dice)),
                coordinate(town.lon() + scatter(dice)));
    }

    Town town() {
        return place.town();
    }

    /** Writes the position (when {@code located}) and the caller, in the format's field names. */
    void putPositionAndCaller(RecordFields fields, boolean located, UpstreamFormat format) {
        if (located) {
            fields.put("lat", lat).put("lon", lon);
        }
        fields.put(format.callerPhone(), caller.phone()).put(format.callerName(), caller.name());
    }

    /**
     * The template's text about this scene: its village, a road of its town, its caller's phone.
     */
    String describe(Template template, People people, Dice dice) {
        return template.render(
                name ->
                        switch (name) {
                            case "road" -> dice.pick(place.roads());
                            case "village" -> village;
                            case "town" -> town().name();
                            case "phone" ->
                                    caller.phone() != null ? caller.phone() : people.mobile(dice);
                            case "idno" -> people.idNumber(dice);
                            case "plate" -> people.plate(dice);
                            case "n" -> Long.toString(dice.between(2, 9));
                            default ->
                                    throw new IllegalStateException(
                                            "unknown placeholder {" + name + "} in " + template);
                        });
    }

    /** Mostly near the centre: the sum of two uniform draws is triangular. */
    private static double scatter(Dice dice) {
        return (dice.fraction() + dice.fraction() - 1) * SCATTER_DEGREES;
    }

    /** Six decimals (~0.1 m), written the same on every JDK (not through Double.toString). */
    private static RecordFields.RawNumber coordinate(double degrees) {
        long micros = Math.round(degrees * 1_000_000);
        long whole = micros / 1_000_000;
        long fraction = micros % 1_000_000;
        String digits = Long.toString(1_000_000 + fraction).substring(1);
        return new RecordFields.RawNumber(whole + "." + digits);
    }
}
