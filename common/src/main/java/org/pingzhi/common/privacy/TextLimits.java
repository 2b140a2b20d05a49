package org.pingzhi.common.privacy;

/**
 * Limits on text taken from an upstream record into an output: a length in Unicode code points
 * (never splitting a surrogate pair), and well-formed UTF-16 (a JSON {@code \ud800} escape can
 * produce a lone surrogate, which no UTF-8 writer can encode).
 */
public final class TextLimits {

    private static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private TextLimits() {}

    /** The first {@code maxCodePoints} code points of the text; null stays null. */
    public static String cut(String text, int maxCodePoints) {
        if (text == null || text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
    }

    /** The text with each unpaired surrogate replaced by U+FFFD; null stays null. */
    public static String wellFormed(String text) {
        if (text == null || text.codePoints().noneMatch(TextLimits::isLoneSurrogate)) {
            return text;
        }
        StringBuilder wellFormed = new StringBuilder(text.length());
        text.codePoints()
                .map(cp -> isLoneSurrogate(cp) ? REPLACEMENT_CHARACTER : cp)
                .forEach(wellFormed::appendCodePoint);
        return wellFormed.toString();
    }

    /** {@link String#codePoints()} yields a surrogate value only for one without its partner. */
    private static boolean isLoneSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }
}
