package io.cherrypick.support;

import java.util.List;
import java.util.Map;

/** Views of JSON read as plain maps and lists (what RestClient gives for {@code Map<String, Object>} bodies). */
public final class JsonViews {
    private JsonViews() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
