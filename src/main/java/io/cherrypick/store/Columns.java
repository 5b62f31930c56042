package io.cherrypick.store;

/** Fitting text into the database's bounded columns (notes, messages, names), the same way everywhere. */
public final class Columns {
    private Columns() {
    }

    /** Whether {@code text} fits a column of {@code width} characters (null fits). */
    public static boolean fits(String text, int width) {
        return text == null || text.length() <= width;
    }

    /** {@code text} cut to {@code width} characters, ending with "...", when longer; null stays null. */
    public static String fit(String text, int width) {
        if (text == null || text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 3)) + "...";
    }
}
