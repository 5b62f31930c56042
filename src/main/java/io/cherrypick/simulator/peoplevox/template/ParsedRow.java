package io.cherrypick.simulator.peoplevox.template;

import java.util.Map;

/**
 * One SaveData row after type conversion: the values of the header's fields (null = empty cell), the row's
 * reference (its key value as sent) and a conversion error, if any.
 */
public record ParsedRow(int number, Map<String, Object> values, String reference, String error) {

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public Object get(String field) {
        return values.get(field);
    }

    public String text(String field) {
        Object value = values.get(field);
        return value == null ? null : io.cherrypick.simulator.peoplevox.search.Values.toText(value);
    }
}
