package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlLineReaderTest {

    @Test
    void numbersLinesFromZeroAndSkipsBlankOnes() throws IOException {
        List<JsonlLineReader.Line> lines = readAll("{\"a\":1}\n\n   \n{\"b\":2}\n");

        assertThat(lines).extracting(JsonlLineReader.Line::number).containsExactly(0L, 3L);
        assertThat(text(lines.get(1))).isEqualTo("{\"b\":2}");
    }

    @Test
    void stripsWindowsLineEndingsAndReadsALastLineWithoutNewline() throws IOException {
        List<JsonlLineReader.Line> lines = readAll("{\"a\":1}\r\n{\"b\":2}");

        assertThat(lines)
                .extracting(JsonlLineReaderTest::text)
                .containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void keepsBytesThatAreNotUtf8AsTheyAre() throws IOException {
        byte[] input = {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'};

        List<JsonlLineReader.Line> lines = readAll(input);

        assertThat(lines.get(0).bytes()).containsExactly('{', (byte) 0xC3, (byte) 0x28, '}');
    }

    @Test
    void readsLinesLongerThanItsBuffers() throws IOException {
        String longLine = "x".repeat(300_000);

        List<JsonlLineReader.Line> lines = readAll(longLine + "\nnext\n");

        assertThat(lines.get(0).bytes()).hasSize(300_000);
        assertThat(text(lines.get(1))).isEqualTo("next");
    }

    @Test
    void anEmptyStreamHasNoLines() throws IOException {
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("\n\n")).isEmpty();
    }

    private static List<JsonlLineReader.Line> readAll(String input) throws IOException {
        return readAll(input.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonlLineReader.Line> readAll(byte[] input) throws IOException {
        List<JsonlLineReader.Line> lines = new ArrayList<>();
        try (JsonlLineReader reader = new JsonlLineReader(new ByteArrayInputStream(input))) {
            for (JsonlLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String text(JsonlLineReader.Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }
}
