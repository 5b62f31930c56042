package io.cherrypick.simulator.peoplevox.warehouse;

import io.cherrypick.simulator.peoplevox.search.Values;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The field values of one template record (item, site, order header, order line, ...), typed as in {@link Values}. */
public final class Record {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Record() {
    }

    public Record(Map<String, Object> initial) {
        initial.forEach(this::put);
    }

    public Record copy() {
        return new Record(values);
    }

    public Object get(String field) {
        return values.get(field);
    }

    /** The value as text, or null when the field is empty. */
    public String text(String field) {
        Object value = values.get(field);
        return value == null ? null : Values.toText(value);
    }

    public int integer(String field, int fallback) {
        Object value = Values.normalize(values.get(field));
        return value instanceof BigDecimal number ? number.intValue() : fallback;
    }

    /** Stores a value; null clears the field (an empty CSV cell clears, reference §6.2, assumed). */
    public void put(String field, Object value) {
        Object normalized = Values.normalize(value);
        if (normalized == null) {
            values.remove(field);
        } else {
            values.put(field, normalized);
        }
    }

    /** Takes over all values of another record (an order line edited through SaveData). */
    public void replaceWith(Record other) {
        values.clear();
        values.putAll(other.values);
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }
}
