package org.pingzhi.jobs.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a JSONL byte stream into lines without decoding them, so that bytes that are not UTF-8
 * reach the normalizer (and the dead-letter record) exactly as they were. Blank lines are not
 * records but still count for line numbers.
 */
public final class JsonlLineReader implements Closeable {

    /** One non-blank line: its 0-based number in the file and its bytes without the newline. */
    public record Line(long number, byte[] bytes) {}

    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int bufferPosition;
    private int bufferLimit;
    private byte[] line = new byte[1024];
    private long nextLineNumber;
    private boolean endOfStream;

    public JsonlLineReader(InputStream in) {
        this.in = in;
    }

    /** The next non-blank line, or null at the end of the stream. */
    public Line next() throws IOException {
        while (!endOfStream) {
            int length = readLineInto();
            long number = nextLineNumber++;
            if (length < 0) {
                return null;
            }
            if (!isBlank(line, length)) {
                return new Line(number, Arrays.copyOf(line, length));
            }
        }
        return null;
    }

    /** Reads up to the next newline; -1 when the stream ended before any byte of a new line. */
    private int readLineInto() throws IOException {
        int length = 0;
        boolean sawAnything = false;
        while (true) {
            if (bufferPosition == bufferLimit && !fill()) {
                endOfStream = true;
                return sawAnything ? stripCarriageReturn(length) : -1;
            }
            sawAnything = true;
            byte b = buffer[bufferPosition++];
            if (b == '\n') {
                return stripCarriageReturn(length);
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = b;
        }
    }

    private int stripCarriageReturn(int length) {
        return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            return false;
        }
        bufferPosition = 0;
        bufferLimit = read;
        return true;
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
