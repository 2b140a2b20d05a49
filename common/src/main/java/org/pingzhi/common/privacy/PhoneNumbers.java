package org.pingzhi.common.privacy;

/**
 * The one spelling of a phone number that {@link CallerKeyHasher} keys, so that the same caller
 * gets the same key however the upstream system wrote the number.
 */
public final class PhoneNumbers {

    private static final String COUNTRY_CODE = "86";
    private static final String INTERNATIONAL_PREFIX = "00";
    private static final String TRUNK_PREFIX = "0";

    private PhoneNumbers() {}

    /**
     * Normalizes a phone number: keep only the digits (full-width ones too); strip the country code
     * 86 where it is written as {@code +86} or {@code 0086}, or as a bare {@code 86} in front of an
     * 11-digit mobile number ({@code 86} + {@code 1xxxxxxxxxx}); put back the trunk prefix 0 of a
     * landline written internationally ({@code +86 573 85561234} -> {@code 057385561234}).
     *
     * @return the digits, or null when there are none (absent, blank or no-digit numbers have no
     *     key: hashing an empty string would make all such callers one)
     */
    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = digitsOf(phone);
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.startsWith(INTERNATIONAL_PREFIX + COUNTRY_CODE)) {
            return national(digits.substring(4));
        }
        if (phone.strip().startsWith("+" + COUNTRY_CODE)) {
            return national(digits.substring(2));
        }
        if (digits.length() == 13
                && digits.startsWith(COUNTRY_CODE)
                && isMobile(digits.substring(2))) {
            return digits.substring(2);
        }
        return digits;
    }

    /** Whether the digits are an 11-digit mainland mobile number (1[3-9] and nine more). */
    public static boolean isMobile(String digits) {
        return digits.length() == 11
                && digits.charAt(0) == '1'
                && digits.charAt(1) >= '3'
                && digits.charAt(1) <= '9'
                && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String national(String afterCountryCode) {
        if (afterCountryCode.isEmpty()) {
            return null;
        }
        if (isMobile(afterCountryCode) || afterCountryCode.startsWith(TRUNK_PREFIX)) {
            return afterCountryCode;
        }
        return TRUNK_PREFIX + afterCountryCode;
    }

    private static String digitsOf(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        text.codePoints()
                .map(cp -> Character.digit(cp, 10))
                .filter(d -> d >= 0)
                .forEach(d -> digits.append((char) ('0' + d)));
        return digits.toString();
    }
}
