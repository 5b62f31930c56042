package io.cherrypick.simulator.scenario;

/**
 * GS1 mod-10 check digits for GTINs (UPC-A = GTIN-12, EAN-13 = GTIN-13, and the other GTIN lengths).
 * From the right-most payload digit leftwards the weights alternate 3, 1, 3, 1...; the check digit brings
 * the weighted sum up to a multiple of ten.
 */
public final class Gs1 {

    private Gs1() {
    }

    /** The check digit for a payload of digits (the code without its last digit). */
    public static int checkDigit(String payload) {
        requireDigits(payload, "payload");
        if (payload.isEmpty()) {
            throw new IllegalArgumentException("GS1 payload is empty");
        }
        int sum = 0;
        int weight = 3;
        for (int i = payload.length() - 1; i >= 0; i--) {
            sum += (payload.charAt(i) - '0') * weight;
            weight = weight == 3 ? 1 : 3;
        }
        return (10 - sum % 10) % 10;
    }

    /** The payload followed by its check digit. */
    public static String withCheckDigit(String payload) {
        return payload + checkDigit(payload);
    }

    /** True when the code is all digits, at least two long, and its last digit is the correct check digit. */
    public static boolean hasValidCheckDigit(String code) {
        if (code == null || code.length() < 2 || !allDigits(code)) {
            return false;
        }
        int last = code.charAt(code.length() - 1) - '0';
        return checkDigit(code.substring(0, code.length() - 1)) == last;
    }

    /** A valid UPC-A: 12 digits with a correct check digit. */
    public static boolean isValidUpcA(String code) {
        return code != null && code.length() == 12 && hasValidCheckDigit(code);
    }

    /** A valid EAN-13: 13 digits with a correct check digit. */
    public static boolean isValidEan13(String code) {
        return code != null && code.length() == 13 && hasValidCheckDigit(code);
    }

    /** The EAN-13 form of a UPC-A (a leading zero; the check digit is unchanged). */
    public static String upcAToEan13(String upcA) {
        if (!isValidUpcA(upcA)) {
            throw new IllegalArgumentException("not a valid UPC-A: " + upcA);
        }
        return "0" + upcA;
    }

    private static void requireDigits(String value, String what) {
        if (value == null || !allDigits(value)) {
            throw new IllegalArgumentException("GS1 " + what + " must contain digits only: " + value);
        }
    }

    private static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
