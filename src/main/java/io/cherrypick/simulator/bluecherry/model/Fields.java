package io.cherrypick.simulator.bluecherry.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reading loosely typed JSON fields: clients send numbers as JSON numbers or as strings, so both are accepted. */
public final class Fields {
    private Fields() {
    }

    /** A field looked up ignoring the case of its name (child arrays such as {@code pickDetail}); null when absent. */
    public static Object getIgnoreCase(Map<String, ?> record, String name) {
        if (record.containsKey(name)) {
            return record.get(name);
        }
        for (Map.Entry<String, ?> e : record.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The field as text (numbers without exponent), or null when absent or JSON null. */
    public static String text(Map<String, ?> record, String name) {
        Object v = record.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }

    public static String textOrEmpty(Map<String, ?> record, String name) {
        String t = text(record, name);
        return t == null ? "" : t.trim();
    }

    public static boolean isBlank(Map<String, ?> record, String name) {
        String t = text(record, name);
        return t == null || t.isBlank();
    }

    /** The field as a whole number, or null when absent, fractional or not a number. */
    public static Long wholeNumber(Map<String, ?> record, String name) {
        Object v = record.get(name);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString().trim());
            return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** The field as a decimal, or null when absent or not a number. */
    public static BigDecimal decimal(Map<String, ?> record, String name) {
        Object v = record.get(name);
        if (v == null) {
            return null;
        }
        try {
            return v instanceof BigDecimal b ? b : new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A record in the API's field order: the template's fields (input value or the template default), then any
     * further input fields the caller sent, except those in {@code skip} (child collections, assigned keys).
     */
    public static Map<String, Object> fill(Map<String, Object> template, Map<String, ?> input, Set<String> skip) {
        Map<String, Object> out = new LinkedHashMap<>();
        template.forEach((key, def) -> out.put(key, input.containsKey(key) ? input.get(key) : def));
        input.forEach((key, value) -> {
            if (!template.containsKey(key) && !skip.contains(key)) {
                out.put(key, value);
            }
        });
        return out;
    }

    /** Non-null text of a required field of a control-API record, or an error naming the record and field. */
    public static String requireText(Map<String, ?> record, String name, String recordName) {
        if (isBlank(record, name)) {
            throw new IllegalArgumentException(recordName + ": " + name + " is required");
        }
        return text(record, name).trim();
    }

    /** A non-negative whole number of a control-API record, or an error naming the record and field. */
    public static int requireQuantity(Map<String, ?> record, String name, String recordName) {
        Long q = wholeNumber(record, name);
        if (q == null || q < 0 || q > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(recordName + ": " + name + " must be a whole number of at least 0 (was "
                    + text(record, name) + ")");
        }
        return q.intValue();
    }
}
