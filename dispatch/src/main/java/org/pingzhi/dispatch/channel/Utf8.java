package org.pingzhi.dispatch.channel;

import java.nio.charset.StandardCharsets;

/** UTF-8 byte budgets, as the robots count their limits. */
public final class Utf8 {

    private Utf8() {}

    public static int length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The longest prefix of {@code text} of at most {@code maxBytes} UTF-8 bytes that ends at a
     * character (code point) boundary, so a cut never leaves half a Chinese character or half a
     * surrogate pair.
     */
    public static String cut(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Size(codePoint);
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static int utf8Size(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
