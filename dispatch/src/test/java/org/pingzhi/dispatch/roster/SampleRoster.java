package org.pingzhi.dispatch.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pingzhi.common.json.Json;

/** The shipped sample roster, dispatch/roster/pinghu-sample.json. */
public final class SampleRoster {

    private SampleRoster() {}

    public static Path file() {
        return Path.of(System.getProperty("pingzhi.project.root", ".."))
                .resolve("dispatch/roster/pinghu-sample.json");
    }

    public static String json() {
        try {
            return Files.readString(file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as a tree, for a test to change. */
    public static ObjectNode tree() {
        try {
            return (ObjectNode) Json.mapper().readTree(json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample with the duty of {@code townCode} (null: the city) for {@code severity} paging
     * {@code channels} instead.
     */
    public static ObjectNode withDutyChannels(
            String townCode, String severity, String... channels) {
        ObjectNode roster = tree();
        for (JsonNode duty : roster.get("duties")) {
            boolean desk =
                    townCode == null
                            ? duty.get("level").asText().equals("CITY")
                            : townCode.equals(duty.path("townCode").asText());
            boolean severe = false;
            for (JsonNode s : duty.get("severities")) {
                severe |= s.asText().equals(severity);
            }
            if (desk && severe) {
                ArrayNode paged = ((ObjectNode) duty).putArray("channels");
                for (String channel : channels) {
                    paged.add(channel);
                }
            }
        }
        return roster;
    }

    /** Drops {@code channel} from {@code roster}'s channels (no duty may still name it). */
    public static void removeChannel(ObjectNode roster, String channel) {
        ArrayNode all = (ArrayNode) roster.get("channels");
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).get("name").asText().equals(channel)) {
                all.remove(i);
                return;
            }
        }
    }
}
