package io.cherrypick.gs1;

/**
 * GS1 mod-10 check digits, shared by barcodes (UPC-A 12 digits, EAN-13) and shipping container codes (SSCC, 18 digits,
 * written with the "00" application identifier as the 20-digit carton number Blue Cherry expects).
 */
public final class Gs1 {
    private Gs1() {
    }

    /** The check digit for the digits before it (weights 3,1,3,... from the right). */
    public static int checkDigit(String digitsWithoutCheck) {
        if (digitsWithoutCheck == null || digitsWithoutCheck.isEmpty()) {
            throw new IllegalArgumentException("GS1 payload is empty");
        }
        int sum = 0;
        for (int i = 0; i < digitsWithoutCheck.length(); i++) {
            int digit = digitsWithoutCheck.charAt(digitsWithoutCheck.length() - 1 - i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a digit at position " + (digitsWithoutCheck.length() - i) + ": " + digitsWithoutCheck);
            }
            sum += digit * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    /** True when {@code code} is all digits, of one of the given lengths, and ends with the right check digit. */
    public static boolean isValid(String code, int... lengths) {
        if (code == null || code.isEmpty() || !code.chars().allMatch(Character::isDigit)) {
            return false;
        }
        boolean lengthOk = false;
        for (int length : lengths) {
            lengthOk |= code.length() == length;
        }
        return lengthOk && checkDigit(code.substring(0, code.length() - 1)) == code.charAt(code.length() - 1) - '0';
    }

    /** UPC-A (12 digits) or EAN-13. */
    public static boolean isValidBarcode(String code) {
        return isValid(code, 12, 13);
    }

    public static boolean isValidUpcA(String code) {
        return isValid(code, 12);
    }

    public static boolean isValidEan13(String code) {
        return isValid(code, 13);
    }

    /** The EAN-13 form of a UPC-A: a leading zero; the check digit stays the same. */
    public static String upcAToEan13(String upcA) {
        if (!isValidUpcA(upcA)) {
            throw new IllegalArgumentException("not a valid UPC-A: " + upcA);
        }
        return "0" + upcA;
    }

    /** Appends the check digit. */
    public static String withCheckDigit(String digitsWithoutCheck) {
        return digitsWithoutCheck + checkDigit(digitsWithoutCheck);
    }

    /**
     * The 20-digit carton number: "00" + extension digit + company prefix + serial reference (17 digits together) + check
     * digit. {@code serial} must fit in the digits the prefix leaves.
     */
    public static String sscc20(int extensionDigit, String companyPrefix, long serial) {
        int serialDigits = 16 - companyPrefix.length();
        if (serialDigits < 1 || !companyPrefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("GS1 company prefix must be 1 to 15 digits: " + companyPrefix);
        }
        String serialText = Long.toString(serial);
        if (serial < 0 || serialText.length() > serialDigits) {
            throw new IllegalArgumentException("serial " + serial + " does not fit in " + serialDigits + " digits");
        }
        String body = extensionDigit + companyPrefix + "0".repeat(serialDigits - serialText.length()) + serialText;
        return "00" + withCheckDigit(body);
    }

    /** A 20-digit "00" + SSCC-18 with a valid check digit. */
    public static boolean isValidSscc20(String cartonNumber) {
        return cartonNumber != null && cartonNumber.length() == 20 && cartonNumber.startsWith("00")
                && isValid(cartonNumber.substring(2), 18);
    }
}
