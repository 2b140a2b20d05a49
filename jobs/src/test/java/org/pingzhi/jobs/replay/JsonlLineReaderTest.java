package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingzhi.common.model.RawRecord;

class JsonlLineReaderTest {

    private static final int KEPT = 65_536;
    private static final int BUFFER = 64 * 1024;

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
    void keepsOfALineOverTheLimitItsFirstBytesLengthAndHash() throws IOException {
        String longLine = "x".repeat(300_000);

        List<JsonlLineReader.Line> lines = readAll(longLine + "\r\nnext\n");

        JsonlLineReader.Line line = lines.get(0);
        assertThat(line.bytes()).isEqualTo(Arrays.copyOf(bytes(longLine), KEPT));
        assertThat(line.length()).isEqualTo(300_000);
        assertThat(line.sha256()).isEqualTo(sha256(bytes(longLine)));
        assertThat(text(lines.get(1))).isEqualTo("next");
        assertThat(lines.get(1).sha256()).isNull();
    }

    /** Around the limit, with and without a carriage return, which is not part of the line. */
    @ParameterizedTest
    @ValueSource(ints = {KEPT, KEPT + 1, KEPT + 2, KEPT + 3, KEPT + BUFFER})
    void keepsWholeOrFirstBytesWithHashEveryLineWithoutItsEnding(int length) throws IOException {
        byte[] line = bytes("y".repeat(length));
        for (String ending : List.of("\n", "\r\n", "\r", "")) {
            String input = new String(line, StandardCharsets.UTF_8) + ending;

            JsonlLineReader.Line read = readAll(input).get(0);

            String what = length + " bytes ending " + ending.replace("\r", "CR");
            assertThat(read.length()).as(what).isEqualTo(length);
            if (read.sha256() == null) {
                assertThat(read.bytes()).as(what).hasSize((int) read.length());
            } else {
                assertThat(read.bytes()).as(what).hasSize(KEPT);
                assertThat(read.sha256()).as(what).isEqualTo(sha256(line));
            }
            assertThat(read.bytes()).as(what).containsOnly((byte) 'y');
            RawRecord record = read.toRawRecord("t");
            assertThat(record.length()).isEqualTo(read.length());
            assertThat(record.isTruncated()).isEqualTo(read.sha256() != null);
        }
    }

    @Test
    void skipsALongBlankLine() throws IOException {
        List<JsonlLineReader.Line> lines = readAll(" ".repeat(200_000) + "\nnext");

        assertThat(lines).extracting(JsonlLineReader.Line::number).containsExactly(1L);
    }

    /** A line longer than any array: the reader holds its first bytes only, never all of it. */
    @Test
    void readsALineOfMoreThanTwoGibibytesInBoundedMemory() throws Exception {
        long length = (1L << 31) + 10;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        try (JsonlLineReader reader =
                new JsonlLineReader(new GeneratedLines(length, expected, "{}\n"))) {
            JsonlLineReader.Line line = reader.next();

            assertThat(line.length()).isEqualTo(length);
            assertThat(line.bytes()).hasSize(KEPT).containsOnly((byte) 'z');
            assertThat(line.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
            assertThat(text(reader.next())).isEqualTo("{}");
            assertThat(reader.next()).isNull();
        }
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A line of {@code length} bytes 'z' and a newline, generated as it is read (fed to {@code
     * digest} on the way), then {@code rest}.
     */
    private static final class GeneratedLines extends InputStream {
        private final long length;
        private final MessageDigest digest;
        private final byte[] rest;
        private long position;

        GeneratedLines(long length, MessageDigest digest, String rest) {
            this.length = length;
            this.digest = digest;
            this.rest = bytes("\n" + rest);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int count) {
            if (position < length) {
                int n = (int) Math.min(count, length - position);
                Arrays.fill(target, offset, offset + n, (byte) 'z');
                digest.update(target, offset, n);
                position += n;
                return n;
            }
            int restPosition = (int) (position - length);
            if (restPosition >= rest.length) {
                return -1;
            }
            int n = Math.min(count, rest.length - restPosition);
            System.arraycopy(rest, restPosition, target, offset, n);
            position += n;
            return n;
        }
    }

    private static String text(JsonlLineReader.Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }
}
