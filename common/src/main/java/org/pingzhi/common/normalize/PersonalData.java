package org.pingzhi.common.normalize;

/**
 * The personal data of one raw record, kept apart so that it cannot leak by accident: {@link
 * #toString()} shows none of it, and only the normalizer's mapping reads it (to derive the caller
 * key and the masked text).
 *
 * @param phone the caller's (12345 {@code callerPhone}) or reporter's (110 {@code reporterPhone})
 *     number, or null
 * @param name the caller's or reporter's name, or null
 * @param freeText the unmasked free text (12345 {@code content}, 110 {@code summary}), or null
 */
public record PersonalData(String phone, String name, String freeText) {

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
