package org.pingzhi.common.normalize;

import java.util.List;
import org.pingzhi.common.privacy.PersonalFields;

/**
 * The personal data of one raw record, kept apart so that it cannot leak by accident: {@link
 * #toString()} shows none of it, and only the normalizer's mapping reads it (to derive the caller
 * key and the masked text).
 *
 * @param phone the caller's (12345 {@code callerPhone}) or reporter's (110 {@code reporterPhone})
 *     number, or null
 * @param name the caller's or reporter's name, or null
 * @param freeText the unmasked free text (12345 {@code content}, 110 {@code summary}), or null
 * @param personalValues the names held by every key of the record that names a person ({@link
 *     PersonalFields#valuesOf}), the name above included: none may show in the text
 */
public record PersonalData(
        String phone, String name, String freeText, List<String> personalValues) {

    public PersonalData {
        personalValues = List.copyOf(personalValues);
    }

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
