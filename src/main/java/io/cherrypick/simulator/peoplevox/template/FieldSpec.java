package io.cherrypick.simulator.peoplevox.template;

import io.cherrypick.simulator.peoplevox.search.Values;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** One field of a template: name, type and (for text) maximum length. */
public record FieldSpec(String name, FieldType type, int maxLength) {
    /** Length of text fields the reference gives no length for (assumed). */
    static final int DEFAULT_TEXT_LENGTH = 100;

    public static FieldSpec text(String name, int maxLength) {
        return new FieldSpec(name, FieldType.TEXT, maxLength);
    }

    public static FieldSpec text(String name) {
        return text(name, DEFAULT_TEXT_LENGTH);
    }

    public static FieldSpec integer(String name) {
        return new FieldSpec(name, FieldType.INTEGER, 0);
    }

    public static FieldSpec decimal(String name) {
        return new FieldSpec(name, FieldType.DECIMAL, 0);
    }

    public static FieldSpec bool(String name) {
        return new FieldSpec(name, FieldType.BOOLEAN, 0);
    }

    public static FieldSpec dateTime(String name) {
        return new FieldSpec(name, FieldType.DATETIME, 0);
    }

    /** Attribute1..AttributeN, text of 500 characters. */
    public static List<FieldSpec> attributes(int count) {
        List<FieldSpec> fields = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            fields.add(text("Attribute" + i, 500));
        }
        return fields;
    }

    /**
     * Converts a CSV cell to the field's type; an empty cell is null (clears the field).
     *
     * @throws IllegalArgumentException with a message naming the field and the value
     */
    public Object parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        switch (type) {
            case TEXT -> {
                if (raw.length() > maxLength) {
                    throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
                }
                return raw;
            }
            case INTEGER -> {
                BigDecimal number = Values.parseNumber(raw);
                if (number == null || number.stripTrailingZeros().scale() > 0) {
                    throw new IllegalArgumentException(name + " '" + raw + "' is not a whole number");
                }
                return number.setScale(0);
            }
            case DECIMAL -> {
                BigDecimal number = Values.parseNumber(raw);
                if (number == null) {
                    throw new IllegalArgumentException(name + " '" + raw + "' is not a number");
                }
                return number;
            }
            case BOOLEAN -> {
                String value = raw.trim();
                if (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("yes")) {
                    return Boolean.TRUE;
                }
                if (value.equalsIgnoreCase("false") || value.equals("0") || value.equalsIgnoreCase("no")) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException(name + " '" + raw + "' is not True or False");
            }
            case DATETIME -> {
                LocalDateTime date = Values.parseDateTime(raw);
                if (date == null) {
                    throw new IllegalArgumentException(name + " '" + raw + "' is not a date (use yyyy-MM-dd HH:mm:ss)");
                }
                return date;
            }
            default -> throw new IllegalStateException("type " + type);
        }
    }
}
