package io.cherrypick.simulator.bluecherry.posting;

import java.util.regex.Pattern;

/**
 * Format checks on carton identifiers. The SSCC rule is GS1's; the tracking and trailer patterns are the
 * simulator's assumption (Blue Cherry's real rules are unknown; only its error texts were observed).
 */
final class FormatRules {
    /** Letters and digits, 8–35 long, at least one digit: fits UPS 1Z, FedEx, DHL and UPU S10 (Royal Mail) numbers. */
    private static final Pattern TRACKING = Pattern.compile("(?=.*\\d)[A-Za-z0-9]{8,35}");
    /** Letters, digits and hyphens, 3–15 long, starting with a letter or digit. */
    private static final Pattern TRAILER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,14}");

    private FormatRules() {
    }

    /** A 20-digit SSCC (AI 00 + extension digit + company prefix + serial) whose last digit is the GS1 mod-10 check digit. */
    static boolean isValidSscc(String value) {
        if (value == null || !value.matches("\\d{20}")) {
            return false;
        }
        return gs1CheckDigit(value.substring(0, 19)) == value.charAt(19) - '0';
    }

    /** GS1 mod-10: from the rightmost digit leftwards, weights 3, 1, 3, 1, ...; the check digit tops the sum up to a multiple of 10. */
    static int gs1CheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += digit * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    static boolean isValidTrackingNumber(String value) {
        return TRACKING.matcher(value).matches();
    }

    static boolean isValidTrailerNumber(String value) {
        return TRAILER.matcher(value).matches();
    }
}
