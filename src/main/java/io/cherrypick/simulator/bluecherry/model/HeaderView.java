package io.cherrypick.simulator.bluecherry.model;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A served record's header as {@code $filter} reads it, without copying it: the stored fields overlaid by the few the
 * simulator assigns ({@code pkey}, {@code last_mod}, a status). Every read evaluates the filter on every record of the
 * resource, so copying each header there (as {@link ServedRecord#headerView()} does for an answer) made a read cost
 * grow with the whole history; {@code last_mod} is given as its {@link java.time.LocalDateTime}, so a date comparison
 * need not parse it back from text.
 */
public final class HeaderView extends AbstractMap<String, Object> {
    private final Map<String, Object> stored;
    private final String[] assignedKeys;
    private final Object[] assignedValues;

    private HeaderView(Map<String, Object> stored, String[] assignedKeys, Object[] assignedValues) {
        this.stored = stored;
        this.assignedKeys = assignedKeys;
        this.assignedValues = assignedValues;
    }

    static HeaderView of(Map<String, Object> stored, String key1, Object value1, String key2, Object value2) {
        return new HeaderView(stored, new String[] {key1, key2}, new Object[] {value1, value2});
    }

    static HeaderView of(Map<String, Object> stored, String key1, Object value1, String key2, Object value2,
                         String key3, Object value3) {
        return new HeaderView(stored, new String[] {key1, key2, key3}, new Object[] {value1, value2, value3});
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < assignedKeys.length; i++) {
            if (assignedKeys[i].equals(key)) {
                return assignedValues[i];
            }
        }
        return stored.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        for (String assigned : assignedKeys) {
            if (assigned.equals(key)) {
                return true;
            }
        }
        return stored.containsKey(key);
    }

    /** The whole header, copied: only a field named in another case or not there at all comes this way. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>(stored);
        for (int i = 0; i < assignedKeys.length; i++) {
            all.put(assignedKeys[i], assignedValues[i]);
        }
        return all.entrySet();
    }
}
