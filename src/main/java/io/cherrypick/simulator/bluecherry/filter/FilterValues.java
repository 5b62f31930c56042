package io.cherrypick.simulator.bluecherry.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Value conversions shared by the parser and the comparisons. */
final class FilterValues {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATETIME_T = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private FilterValues() {
    }

    /** {@code YYYY-MM-DD HH:MM:SS} (also with a {@code T}), or a bare date meaning its midnight; null if neither. */
    static LocalDateTime parseDateTime(String text) {
        String t = text.trim();
        for (DateTimeFormatter f : new DateTimeFormatter[] {DATETIME, DATETIME_T}) {
            try {
                return LocalDateTime.parse(t, f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        try {
            return LocalDate.parse(t, DATE).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static BigDecimal parseNumber(Object value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
