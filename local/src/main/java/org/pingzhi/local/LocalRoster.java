package org.pingzhi.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.pingzhi.common.directory.Town;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.json.Json;

/**
 * The duty roster of {@code ./pingzhi local} when none is given: one made-up officer per town and
 * one for the city, on duty day and night, each paged through a webhook of the local sink ({@code
 * /town/<townCode>}, {@code /city}), so a newcomer sees every page arrive.
 */
final class LocalRoster {

    static final String CITY_PATH = "/city";
    private static final List<String> SEVERITIES = List.of("INFO", "WARNING", "CRITICAL");

    /** What the sink prints of a page: which alert, in which state, and the message. */
    private static final String BODY_TEMPLATE =
            "{\"alertId\": \"${alertId}\", \"status\": \"${status}\", \"text\": \"${text}\"}";

    private LocalRoster() {}

    static String townPath(String townCode) {
        return "/town/" + townCode;
    }

    /** The roster file's text; {@code url} gives the sink's URL of a path. */
    static String json(TownDirectory towns, Function<String, String> url) {
        ObjectNode roster = Json.mapper().createObjectNode();
        roster.put("about", "./pingzhi local: every page goes to the local webhook sink");
        roster.put("dayShiftStarts", "08:30");
        roster.put("nightShiftStarts", "17:30");
        roster.putArray("holidays");
        roster.putArray("workdays");
        ArrayNode policies = roster.putArray("policies");
        policies.addObject()
                .put("severity", "CRITICAL")
                .put("ackTimeoutMinutes", 5)
                .put("resends", 1)
                .put("escalateToCity", true);
        ArrayNode people = roster.putArray("people");
        ArrayNode channels = roster.putArray("channels");
        ArrayNode duties = roster.putArray("duties");
        int number = 0;
        for (Town town : towns.all()) {
            String id = "duty-" + town.code();
            person(people, id, ++number);
            channel(channels, id, url.apply(townPath(town.code())));
            ObjectNode duty = duty(duties, "TOWN", id);
            duty.put("townCode", town.code());
            duty.put("town", town.name());
        }
        person(people, "duty-city", ++number);
        channel(channels, "duty-city", url.apply(CITY_PATH));
        duty(duties, "CITY", "duty-city");
        return roster.toPrettyString();
    }

    private static void person(ArrayNode people, String id, int number) {
        people.addObject()
                .put("id", id)
                .put("name", "本地值班员" + number)
                .put("mobile", String.format("138%08d", number));
    }

    private static void channel(ArrayNode channels, String name, String url) {
        ObjectNode channel = channels.addObject().put("name", name).put("type", "WEBHOOK");
        channel.put("url", url);
        channel.put("bodyTemplate", BODY_TEMPLATE);
    }

    private static ObjectNode duty(ArrayNode duties, String level, String id) {
        ObjectNode duty = duties.addObject().put("level", level);
        ArrayNode severities = duty.putArray("severities");
        SEVERITIES.forEach(severities::add);
        ObjectNode workday = duty.putObject("workday");
        workday.putArray("day").add(id);
        workday.putArray("night").add(id);
        duty.putArray("channels").add(id);
        return duty;
    }
}
