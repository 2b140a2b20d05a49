package org.pingzhi.jobs.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.common.normalize.Sha256;

/**
 * Splits a JSONL byte stream into lines without decoding them, so that bytes that are not UTF-8
 * reach the normalizer (and the dead-letter record) exactly as they were. Blank lines are not
 * records but still count for line numbers.
 *
 * <p>Memory is bounded whatever the length of a line: of a line over the contract's limit only what
 * its dead letter needs is kept — the first {@link Normalizer#MAX_RECORD_BYTES} bytes, the length
 * and the SHA-256 of the whole line, computed while it streams past.
 */
public final class JsonlLineReader implements Closeable {

    /**
     * One non-blank line: its 0-based number in the file, its bytes without the newline (only the
     * first ones when {@code sha256} is set), its whole length and, of a line kept in part, the
     * SHA-256 of all of it.
     */
    public record Line(long number, byte[] bytes, long length, String sha256) {

        /** The line as a record of {@code topic}: partition 0, offset the line number. */
        public RawRecord toRawRecord(String topic) {
            return sha256 == null
                    ? new RawRecord(topic, 0, number, bytes)
                    : RawRecord.truncated(topic, 0, number, bytes, length, sha256);
        }
    }

    private static final int BUFFER_SIZE = 64 * 1024;

    /**
     * A line up to this long is kept whole: with a carriage return stripped from its end it may
     * still be one byte over the limit, so the normalizer sees it as TOO_LARGE.
     */
    private static final int KEPT_WHOLE = Normalizer.MAX_RECORD_BYTES + 2;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int bufferPosition;
    private int bufferLimit;
    private final byte[] kept = new byte[KEPT_WHOLE];
    private int keptLength;
    private long lineLength;
    private boolean blank;

    /** Set once a line is longer than {@link #KEPT_WHOLE}; it lags one byte behind the line. */
    private MessageDigest overflowDigest;

    private byte lastByte;
    private long nextLineNumber;
    private boolean endOfStream;

    public JsonlLineReader(InputStream in) {
        this.in = in;
    }

    /** The next non-blank line, or null at the end of the stream. */
    public Line next() throws IOException {
        while (readLine()) {
            long number = nextLineNumber++;
            if (!blank) {
                return finishLine(number);
            }
        }
        return null;
    }

    /** Reads up to the next newline; false when the stream ended before any byte of a new line. */
    private boolean readLine() throws IOException {
        keptLength = 0;
        lineLength = 0;
        blank = true;
        overflowDigest = null;
        boolean sawAnything = false;
        while (true) {
            if (bufferPosition == bufferLimit && !fill()) {
                return sawAnything;
            }
            sawAnything = true;
            int newline = indexOfNewline();
            int end = newline < 0 ? bufferLimit : newline;
            append(bufferPosition, end);
            bufferPosition = newline < 0 ? bufferLimit : newline + 1;
            if (newline >= 0) {
                return true;
            }
        }
    }

    private int indexOfNewline() {
        for (int i = bufferPosition; i < bufferLimit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Adds {@code buffer[from, to)} to the current line. */
    private void append(int from, int to) {
        if (from == to) {
            return;
        }
        blank = blank && isBlank(buffer, from, to);
        lineLength += to - from;
        int start = from;
        if (overflowDigest == null) {
            int copied = Math.min(KEPT_WHOLE - keptLength, to - from);
            System.arraycopy(buffer, from, kept, keptLength, copied);
            keptLength += copied;
            start += copied;
            if (start == to) {
                return;
            }
            overflowDigest = Sha256.newDigest();
            overflowDigest.update(kept, 0, keptLength - 1);
            lastByte = kept[keptLength - 1];
        }
        // The line's last byte is held back: a carriage return before the newline is not part of
        // the line.
        overflowDigest.update(lastByte);
        overflowDigest.update(buffer, start, to - start - 1);
        lastByte = buffer[to - 1];
    }

    private Line finishLine(long number) {
        if (overflowDigest == null) {
            int length =
                    keptLength > 0 && kept[keptLength - 1] == '\r' ? keptLength - 1 : keptLength;
            return new Line(number, Arrays.copyOf(kept, length), length, null);
        }
        if (lastByte == '\r') {
            lineLength--;
        } else {
            overflowDigest.update(lastByte);
        }
        return new Line(
                number,
                Arrays.copyOf(kept, Normalizer.MAX_RECORD_BYTES),
                lineLength,
                Sha256.hex(overflowDigest));
    }

    private boolean fill() throws IOException {
        if (endOfStream) {
            return false;
        }
        int read = in.read(buffer);
        if (read <= 0) {
            endOfStream = true;
            return false;
        }
        bufferPosition = 0;
        bufferLimit = read;
        return true;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
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
