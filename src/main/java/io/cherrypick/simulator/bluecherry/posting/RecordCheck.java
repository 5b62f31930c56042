package io.cherrypick.simulator.bluecherry.posting;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cherrypick.simulator.bluecherry.BlueCherryState;
import io.cherrypick.simulator.bluecherry.model.Fields;
import io.cherrypick.simulator.bluecherry.model.Timestamps;

/**
 * Field checks on one posted record. Every message starts with the record's name (e.g. {@code pick_num 100245
 * line_seq 2}) so the caller can see which record and field failed.
 */
final class RecordCheck {
    private final String name;
    private final Map<String, Object> record;
    private final Violations violations;

    RecordCheck(String name, Map<String, Object> record, Violations violations) {
        this.name = name;
        this.record = record;
        this.violations = violations;
    }

    /** A check on a nested record whose name extends this one's. */
    RecordCheck child(String childName, Map<String, Object> childRecord) {
        return new RecordCheck(name + " " + childName, childRecord, violations);
    }

    String name() {
        return name;
    }

    Map<String, Object> record() {
        return record;
    }

    void fail(String detail) {
        violations.add(name + ": " + detail);
    }

    /** A violation of a part of this record that has no record of its own (e.g. a line seen across cartons). */
    void failFor(String part, String detail) {
        violations.add(name + " " + part + ": " + detail);
    }

    /** Adds a message exactly as given (for Blue Cherry's observed texts, which name no record). */
    void failVerbatim(String message) {
        violations.add(message);
    }

    /** A required field that must have a non-blank value; returns it trimmed, or null after recording the violation. */
    String required(String field) {
        if (Fields.isBlank(record, field)) {
            fail(field + " is required");
            return null;
        }
        return Fields.text(record, field).trim();
    }

    /** A required field that must be sent but may be empty (values echoed from the pick, such as load_id). */
    void present(String field) {
        if (!record.containsKey(field) || record.get(field) == null) {
            fail(field + " is required");
        }
    }

    /** A required whole-number quantity; at least 1 when {@code positive}, else at least 0. Null when invalid. */
    Integer quantity(String field, boolean positive) {
        if (Fields.isBlank(record, field)) {
            fail(field + " is required");
            return null;
        }
        Long q = Fields.wholeNumber(record, field);
        if (q == null || q > Integer.MAX_VALUE || q < Integer.MIN_VALUE) {
            fail(field + " '" + Fields.text(record, field) + "' must be a whole number");
            return null;
        }
        if (q < 0) {
            fail(field + " " + q + " must not be negative");
            return null;
        }
        if (positive && q == 0) {
            fail(field + " must be greater than zero");
            return null;
        }
        return q.intValue();
    }

    /** A required number (weights, volumes). */
    void number(String field) {
        if (Fields.isBlank(record, field)) {
            fail(field + " is required");
        } else if (Fields.decimal(record, field) == null) {
            fail(field + " '" + Fields.text(record, field) + "' must be a number");
        }
    }

    /** A required date in the given format ({@code MM/DD/YYYY} for ship and receipt dates). */
    void date(String field, DateTimeFormatter format, String formatName) {
        String value = required(field);
        if (value != null && !Timestamps.isDate(value, format)) {
            fail(field + " '" + value + "' must be a date in " + formatName + " format");
        }
    }

    /** A required code that must be exactly {@code expected}. */
    void fixed(String field, String expected, String resource) {
        String value = required(field);
        if (value != null && !value.equals(expected)) {
            fail(field + " '" + value + "' is not valid for " + resource + " (expected " + expected + ")");
        }
    }

    /** A required location code that must exist in /api/Location. */
    String location(String field, BlueCherryState state) {
        String value = required(field);
        if (value != null && !state.locationExists(value)) {
            fail(field + " '" + value + "' does not exist in Location");
        }
        return value;
    }

    /** A child array of records (key matched case-insensitively, e.g. pickDetail); null when the field is absent. */
    List<Map<String, Object>> children(String field) {
        Object value = Fields.getIgnoreCase(record, field);
        if (value == null) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            fail(field + " must be an array");
            return out;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) m;
                out.add(typed);
            } else {
                fail(field + " must contain objects");
            }
        }
        return out;
    }
}
