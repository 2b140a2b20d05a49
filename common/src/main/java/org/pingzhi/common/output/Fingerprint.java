package org.pingzhi.common.output;

import java.util.List;

/**
 * A 64-bit FNV-1a hash, the same in every JVM: of a text ({@link #ofText}), or of a sequence of
 * values (the builder). Every value is written with its length or a null marker first, so two
 * different sequences of fields never feed the hash the same units. A collision (and so a missed
 * update) is negligible.
 */
public final class Fingerprint {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int NULL = -1;

    private long hash = OFFSET_BASIS;

    /** The hash of the characters of {@code text}, nothing else. */
    public static long ofText(String text) {
        long hash = OFFSET_BASIS;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= PRIME;
        }
        return hash;
    }

    public Fingerprint add(String value) {
        if (value == null) {
            return mix(NULL);
        }
        mix(value.length());
        for (int i = 0; i < value.length(); i++) {
            unit(value.charAt(i));
        }
        return this;
    }

    public Fingerprint add(long value) {
        return mix(value);
    }

    public Fingerprint add(boolean value) {
        return mix(value ? 1 : 0);
    }

    public Fingerprint add(Long value) {
        return value == null ? mix(NULL).mix(0) : mix(1).mix(value);
    }

    public Fingerprint add(Double value) {
        return value == null ? mix(NULL).mix(0) : mix(1).mix(Double.doubleToLongBits(value));
    }

    public Fingerprint add(List<String> values) {
        if (values == null) {
            return mix(NULL);
        }
        mix(values.size());
        for (String value : values) {
            add(value);
        }
        return this;
    }

    public long value() {
        return hash;
    }

    private Fingerprint mix(long value) {
        for (int shift = 0; shift < 64; shift += 16) {
            unit((char) (value >>> shift));
        }
        return this;
    }

    private void unit(char value) {
        hash ^= value;
        hash *= PRIME;
    }
}
