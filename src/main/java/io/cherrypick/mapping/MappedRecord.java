package io.cherrypick.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record mapped for a target system: its rows per part, in the order the mapping file declares them, e.g. a pick as
 * {@code header} (one Sales orders row) and {@code lines} (one Sales order items row per line). Field order within a row
 * is the mapping file's.
 */
public record MappedRecord(Map<String, List<Map<String, String>>> parts) {
    public MappedRecord {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** The rows of one part; empty when the record has none. */
    public List<Map<String, String>> rows(String part) {
        return parts.getOrDefault(part, List.of());
    }

    /** The first row of a one-row part (e.g. a header); empty when there is none. */
    public Map<String, String> row(String part) {
        List<Map<String, String>> rows = rows(part);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }
}
