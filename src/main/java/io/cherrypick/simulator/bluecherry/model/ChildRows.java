package io.cherrypick.simulator.bluecherry.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a child collection in the API's shape ({@code {"rows":[...]}}), or given as a plain array for convenience. */
public final class ChildRows {
    private ChildRows() {
    }

    /** The rows under {@code input[collection][rowsKey]}; empty when the collection is absent. */
    public static List<Map<String, Object>> of(Map<String, ?> input, String collection, String rowsKey) {
        Object child = input.get(collection);
        if (child == null) {
            return List.of();
        }
        Object rows = child instanceof Map<?, ?> m ? m.get(rowsKey) : child;
        if (rows == null) {
            return List.of();
        }
        if (!(rows instanceof List<?> list)) {
            throw new IllegalArgumentException(collection + "." + rowsKey + " must be an array");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object row : list) {
            if (!(row instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(collection + "." + rowsKey + " must contain objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) row;
            out.add(typed);
        }
        return out;
    }

    public static boolean present(Map<String, ?> input, String collection) {
        return input.get(collection) != null;
    }

    /** Copies of the rows wrapped in the API's child-collection shape, e.g. {@code {"rows":[...]}}. */
    public static Map<String, Object> wrap(String rowsKey, List<Map<String, Object>> rows) {
        List<Map<String, Object>> copies = rows.stream().<Map<String, Object>>map(LinkedHashMap::new).toList();
        return Map.of(rowsKey, copies);
    }
}
