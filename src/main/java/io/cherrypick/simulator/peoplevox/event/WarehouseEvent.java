package io.cherrypick.simulator.peoplevox.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Something that happened in the warehouse, with the values its placeholders render (keyed by field path). */
public record WarehouseEvent(EventType type, Map<String, Object> values) {

    public WarehouseEvent {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Case-insensitive lookup, like the placeholders and filters themselves. */
    public Object value(String path) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(path)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
