package io.cherrypick.bluecherry.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Blue Cherry record as Blue Cherry sent it, with its fields read by name. Typed records (a pick, its lines and
 * addresses) extend it with the fields the flows reason about; any other field stays readable by name, so a mapping
 * can use a field Cherrypick has never heard of.
 */
public abstract class JsonRecord {
    private final JsonNode json;

    protected JsonRecord(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a Blue Cherry record must be a JSON object, not " + json);
        }
        this.json = json;
    }

    /** The record as Blue Cherry sent it (what is stored and what Jackson writes). */
    @JsonValue
    public JsonNode json() {
        return json;
    }

    /** A field's value, trimmed; empty when the record lacks it or it is null. */
    public String text(String field) {
        return text(json, field);
    }

    /** A field's value, trimmed; null when the record lacks it or it is null (absent, not empty). */
    public String field(String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText().trim();
    }

    /** {@code node.field} as trimmed text; empty when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
