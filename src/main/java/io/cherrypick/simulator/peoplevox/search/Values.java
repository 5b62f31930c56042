package io.cherrypick.simulator.peoplevox.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Typed values shared by templates, reports, search clauses and events: String, BigDecimal, Boolean,
 * LocalDateTime or null. Comparisons follow a case-insensitive database collation (assumed).
 */
public final class Values {
    /** GetData export format (reference §8.3). */
    public static final DateTimeFormatter EXPORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    /** Report format, written between single quotes (reference §5). */
    public static final DateTimeFormatter REPORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private static final List<DateTimeFormatter> DATE_TIME_INPUTS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"),
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    private static final List<DateTimeFormatter> DATE_INPUTS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    private Values() {
    }

    /** Brings numbers to BigDecimal so that 5, 5L and 5.0 compare equal. */
    public static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return value;
    }

    /** Parses the date formats accepted on import and in clauses; null when the text is no date. */
    public static LocalDateTime parseDateTime(String text) {
        String trimmed = text.trim();
        if (trimmed.length() > 1 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        for (DateTimeFormatter format : DATE_TIME_INPUTS) {
            try {
                return LocalDateTime.parse(trimmed, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        for (DateTimeFormatter format : DATE_INPUTS) {
            try {
                return LocalDate.parse(trimmed, format).atStartOfDay();
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }

    public static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Plain text of a value as PVX shows it in CSV exports. */
    public static String toText(Object value) {
        Object v = normalize(value);
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal number) {
            return number.scale() > 0 ? number.stripTrailingZeros().toPlainString() : number.toPlainString();
        }
        if (v instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (v instanceof LocalDateTime dateTime) {
            return EXPORT_DATE.format(dateTime);
        }
        return v.toString();
    }

    /** True when both values are equal under {@link #compare}. */
    public static boolean equal(Object left, Object right) {
        Object l = normalize(left);
        Object r = normalize(right);
        if (l == null || r == null) {
            return l == r;
        }
        return compare(l, r) == 0;
    }

    /**
     * Orders two non-null values: numbers as numbers, dates as dates, booleans as booleans, everything else as
     * case-insensitive text. A text that looks like the other side's type is converted first.
     */
    public static int compare(Object left, Object right) {
        Object l = normalize(left);
        Object r = normalize(right);
        if (l instanceof BigDecimal || r instanceof BigDecimal) {
            BigDecimal ln = asNumber(l);
            BigDecimal rn = asNumber(r);
            if (ln != null && rn != null) {
                return ln.compareTo(rn);
            }
        }
        if (l instanceof LocalDateTime || r instanceof LocalDateTime) {
            LocalDateTime ld = asDateTime(l);
            LocalDateTime rd = asDateTime(r);
            if (ld == null || rd == null) {
                throw new SearchClauseException("cannot compare a date with '" + toText(ld == null ? l : r) + "'");
            }
            return ld.compareTo(rd);
        }
        if (l instanceof Boolean || r instanceof Boolean) {
            Boolean lb = asBoolean(l);
            Boolean rb = asBoolean(r);
            if (lb != null && rb != null) {
                return lb.compareTo(rb);
            }
        }
        return String.CASE_INSENSITIVE_ORDER.compare(toText(l), toText(r));
    }

    public static boolean contains(Object haystack, Object needle) {
        return lower(haystack).contains(lower(needle));
    }

    public static boolean startsWith(Object haystack, Object prefix) {
        return lower(haystack).startsWith(lower(prefix));
    }

    public static boolean endsWith(Object haystack, Object suffix) {
        return lower(haystack).endsWith(lower(suffix));
    }

    private static String lower(Object value) {
        return toText(value).toLowerCase(Locale.ROOT);
    }

    private static BigDecimal asNumber(Object value) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        return value instanceof String text ? parseNumber(text) : null;
    }

    private static LocalDateTime asDateTime(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return dateTime;
        }
        return value instanceof String text ? parseDateTime(text) : null;
    }

    private static Boolean asBoolean(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof BigDecimal number) {
            return number.signum() != 0;
        }
        if (value instanceof String text) {
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        return null;
    }
}
