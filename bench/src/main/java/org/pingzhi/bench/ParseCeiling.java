package org.pingzhi.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pingzhi.common.json.Json;
import org.pingzhi.jobs.replay.JsonlLineReader;

/**
 * The raw ceiling of a replay on one thread: read both input files and parse every line into a
 * Jackson tree, nothing else. Lines are split as the replay splits them, undecoded ({@link
 * JsonlLineReader}), so a line that is not UTF-8 is parsed (and fails) as in the replay.
 */
final class ParseCeiling {

    /** Lines read and parsed (a malformed line counts: its parse was attempted) and the time. */
    record Result(long lines, double seconds) {
        double linesPerSecond() {
            return lines / seconds;
        }
    }

    private ParseCeiling() {}

    static Result measure(Path... files) throws IOException {
        ObjectMapper mapper = Json.mapper();
        long lines = 0;
        long started = System.nanoTime();
        for (Path file : files) {
            try (JsonlLineReader reader = new JsonlLineReader(Files.newInputStream(file))) {
                for (JsonlLineReader.Line line = reader.next();
                        line != null;
                        line = reader.next()) {
                    lines++;
                    try {
                        mapper.readTree(line.bytes());
                    } catch (JsonProcessingException malformed) {
                        // the simulator writes a few malformed lines on purpose
                    }
                }
            }
        }
        return new Result(lines, (System.nanoTime() - started) / 1e9);
    }
}
