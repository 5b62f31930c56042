package io.cherrypick.simulator.bluecherry.posting;

import java.util.regex.Pattern;

import io.cherrypick.gs1.Gs1;

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
        return Gs1.isValid(value, 20);
    }

    static boolean isValidTrackingNumber(String value) {
        return TRACKING.matcher(value).matches();
    }

    static boolean isValidTrailerNumber(String value) {
        return TRAILER.matcher(value).matches();
    }
}
