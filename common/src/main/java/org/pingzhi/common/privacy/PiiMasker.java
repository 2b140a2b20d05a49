package org.pingzhi.common.privacy;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal numbers in free text ({@code content}, {@code summary}) and cuts it to {@value
 * #MAX_CODE_POINTS} characters, as the contract requires before text leaves the normalizer.
 *
 * <p>What is masked, and how it is shown (the masked form stays recognisable for the duty officer,
 * and the kept digits do not identify anyone):
 *
 * <ul>
 *   <li>18-character ID numbers (17 digits and a digit or X): {@code 330482********1234} (region
 *       code and last four kept). Other 18-digit runs, such as the digits of a 110 alarm id written
 *       in the text, look the same and are masked too; the id itself is in the event's own field.
 *   <li>Mainland mobiles, {@code 1[3-9]} and nine more digits, also written 3-4-4 with spaces or
 *       hyphens, with or without a {@code +86}/{@code 0086}/{@code 86} prefix: {@code 137****1111}
 *       (a written prefix is kept as written).
 *   <li>Landlines with an area code ({@code 0573-85561234}, {@code (0573) 8556 1234}, {@code
 *       057385561234}): {@code ****1234}.
 *   <li>Local landlines without area code, 7 or 8 digits starting 2-9 ({@code 85561234}): {@code
 *       ****1234}. A run that reads as a compact date {@code yyyyMMdd} (1900-2099) is left alone;
 *       so are shorter numbers such as years, and the digits of a decimal number. Amounts of 7 or 8
 *       digits look the same as local numbers and are masked.
 * </ul>
 *
 * <p>Digits may be ASCII or full-width (U+FF10..U+FF19, as Chinese input methods write them), mixed
 * in one number; the separators (space, hyphen), the {@code +}, the brackets and the ID number's
 * {@code X} may be full-width too. Kept digits stay as written.
 *
 * <p>Lone surrogates (from JSON escapes) become U+FFFD, so the text can always be written as UTF-8.
 *
 * <p>Each pattern needs its number to stand alone: a digit right before or after it makes it part
 * of a longer number, which is either another pattern's or no phone number at all.
 */
public final class PiiMasker {

    /** The longest free text kept, in Unicode code points (a surrogate pair is never split). */
    public static final int MAX_CODE_POINTS = 500;

    private static final String MASK = "****";
    private static final String NAME_MASK = "**";
    private static final int MIN_NAME_LENGTH = 2;

    /** A digit as people type it: ASCII or full-width (U+FF10..U+FF19), mixed as they come. */
    private static final String DIGIT = "[0-9\uFF10-\uFF19]";

    /** A separator inside a number: space, hyphen, or their full-width forms. */
    private static final String SEPARATOR = "[- \u3000\uFF0D]";

    private static final String NOT_AFTER_DIGIT = "(?<!" + DIGIT + ")";
    private static final String NOT_BEFORE_DIGIT = "(?!" + DIGIT + ")";

    private static final Pattern PII =
            Pattern.compile(
                    String.join(
                            "|",
                            NOT_AFTER_DIGIT
                                    + "(?<idHead>"
                                    + digits(6)
                                    + ")"
                                    + digits(8)
                                    + "(?<idTail>"
                                    + digits(3)
                                    + "[0-9Xx\uFF10-\uFF19\uFF38\uFF58])"
                                    + NOT_BEFORE_DIGIT,
                            NOT_AFTER_DIGIT
                                    + "(?<mobilePrefix>(?:[+\uFF0B]|[0\uFF10]{2})?"
                                    + "[8\uFF18][6\uFF16]"
                                    + SEPARATOR
                                    + "?)?"
                                    + "(?<mobileHead>[1\uFF11][3-9\uFF13-\uFF19]"
                                    + DIGIT
                                    + ")"
                                    + SEPARATOR
                                    + "?"
                                    + digits(4)
                                    + SEPARATOR
                                    + "?"
                                    + "(?<mobileTail>"
                                    + digits(4)
                                    + ")"
                                    + NOT_BEFORE_DIGIT,
                            NOT_AFTER_DIGIT
                                    + "[(\uFF08]?[0\uFF10]"
                                    + DIGIT
                                    + "{2,3}[)\uFF09]?"
                                    + SEPARATOR
                                    + "?"
                                    + DIGIT
                                    + "{3,4}"
                                    + SEPARATOR
                                    + "?"
                                    + "(?<landlineTail>"
                                    + digits(4)
                                    + ")"
                                    + NOT_BEFORE_DIGIT,
                            NOT_AFTER_DIGIT
                                    + "(?<!"
                                    + DIGIT
                                    + "[.\uFF0E])(?<local>[2-9\uFF12-\uFF19]"
                                    + DIGIT
                                    + "{2,3}(?<localTail>"
                                    + digits(4)
                                    + "))"
                                    + NOT_BEFORE_DIGIT
                                    + "(?![.\uFF0E]"
                                    + DIGIT
                                    + ")"));

    private static final Pattern COMPACT_DATE =
            Pattern.compile("(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])");

    private PiiMasker() {}

    /** Masks phone and ID numbers and cuts to {@value #MAX_CODE_POINTS} code points; null stays. */
    public static String mask(String text) {
        return mask(text, List.of());
    }

    /**
     * As {@link #mask(String)}, and also masks each occurrence of a person's name known from the
     * record (the caller's), as {@code **}. Names shorter than two characters are not searched for:
     * a single character would mask ordinary words.
     */
    public static String mask(String text, String personName) {
        return mask(text, personName == null ? List.of() : List.of(personName));
    }

    /**
     * As {@link #mask(String, String)}, for all the names (and other personal values, such as a
     * contact's) the record holds.
     */
    public static String mask(String text, Collection<String> personalValues) {
        if (text == null) {
            return null;
        }
        String masked = maskNumbers(maskNames(text, personalValues));
        return TextLimits.cut(TextLimits.wellFormed(masked), MAX_CODE_POINTS);
    }

    /**
     * Masks each occurrence of the names (or other personal values) as {@code **}, without masking
     * numbers or cutting.
     */
    static String maskNames(String text, Collection<String> personNames) {
        String masked = text;
        // the longest first, so that a name is not left half shown by a shorter one it contains
        List<String> names =
                personNames.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .filter(name -> name.codePointCount(0, name.length()) >= MIN_NAME_LENGTH)
                        .distinct()
                        .sorted(Comparator.comparingInt(String::length).reversed())
                        .toList();
        for (String name : names) {
            masked = masked.replace(name, NAME_MASK);
        }
        return masked;
    }

    private static String maskNumbers(String text) {
        Matcher match = PII.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (match.find()) {
            match.appendReplacement(masked, Matcher.quoteReplacement(replacement(match)));
        }
        match.appendTail(masked);
        return masked.toString();
    }

    private static String digits(int count) {
        return DIGIT + "{" + count + "}";
    }

    /** The digits written in ASCII, so that a full-width date reads as one. */
    private static String asciiDigits(String digits) {
        StringBuilder ascii = new StringBuilder(digits.length());
        digits.codePoints().forEach(cp -> ascii.append((char) ('0' + Character.digit(cp, 10))));
        return ascii.toString();
    }

    /** Named groups tell which alternative of {@link #PII} matched. */
    private static String replacement(Matcher match) {
        String masked;
        if (match.group("idHead") != null) {
            masked = match.group("idHead") + "********" + match.group("idTail");
        } else if (match.group("mobileHead") != null) {
            String prefix = match.group("mobilePrefix") == null ? "" : match.group("mobilePrefix");
            masked = prefix + match.group("mobileHead") + MASK + match.group("mobileTail");
        } else if (match.group("landlineTail") != null) {
            masked = MASK + match.group("landlineTail");
        } else if (COMPACT_DATE.matcher(asciiDigits(match.group("local"))).matches()) {
            masked = match.group();
        } else {
            masked = MASK + match.group("localTail");
        }
        return masked;
    }
}
