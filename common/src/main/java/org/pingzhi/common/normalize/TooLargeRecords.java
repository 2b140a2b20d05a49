package org.pingzhi.common.normalize;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.ReasonCode;

/**
 * The dead letter of a record over the contract's size: only its first {@link
 * Normalizer#MAX_RECORD_BYTES} bytes, its length and its SHA-256, so that the dead letter fits
 * wherever dead letters go (escaped or in base64, a whole oversized record would not fit a Kafka
 * message). Whether the kept bytes go out as text or base64 is decided by those bytes alone, as a
 * replay reader holds no more than them.
 */
final class TooLargeRecords {

    private TooLargeRecords() {}

    static boolean isTooLarge(RawRecord record) {
        return record.length() > Normalizer.MAX_RECORD_BYTES;
    }

    static DeadLetter deadLetter(RawRecord record) {
        byte[] kept =
                Arrays.copyOf(
                        record.value(),
                        Math.min(record.value().length, Normalizer.MAX_RECORD_BYTES));
        String text = textUpToLastWholeCharacter(kept);
        return new DeadLetter(
                ReasonCode.TOO_LARGE,
                String.format(
                        Locale.ROOT,
                        "record is %,d bytes, over the limit of %,d bytes; its first bytes are"
                                + " kept",
                        record.length(),
                        Normalizer.MAX_RECORD_BYTES),
                record.topic(),
                record.partition(),
                record.offset(),
                text,
                text == null ? Base64.getEncoder().encodeToString(kept) : null,
                record.length(),
                record.isTruncated() ? record.sha256() : Sha256.hex(record.value()),
                null);
    }

    /**
     * The bytes as text, without a character the cut left incomplete at their end; null when they
     * are not UTF-8 before that.
     */
    private static String textUpToLastWholeCharacter(byte[] bytes) {
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        boolean malformed =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes), chars, false)
                        .isError();
        return malformed ? null : chars.flip().toString();
    }
}
