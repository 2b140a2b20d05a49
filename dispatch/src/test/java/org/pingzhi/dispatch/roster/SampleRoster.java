package org.pingzhi.dispatch.roster;

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
}
