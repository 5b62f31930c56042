package io.cherrypick.simulator.bluecherry;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON reading and writing for the simulator. Decimals are kept as {@link java.math.BigDecimal} so a price sent
 * as {@code 48.00} is served back as {@code 48.00}.
 */
final class SimJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private SimJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise simulator response", e);
        }
    }

    /** A JSON array of objects; throws {@link IllegalArgumentException} with a caller-facing message otherwise. */
    static List<Map<String, Object>> readRecords(String body) {
        Object parsed = read(body);
        if (!(parsed instanceof List<?> list)) {
            throw new IllegalArgumentException("The request body must be a JSON array of records");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("Record " + (i + 1) + " of the request body must be a JSON object");
            }
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) list;
        return records;
    }

    /** A JSON object; throws {@link IllegalArgumentException} otherwise. */
    static Map<String, Object> readObject(String body) {
        Object parsed = read(body);
        if (!(parsed instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("The request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) parsed;
        return object;
    }

    static <T> T convert(Map<String, Object> value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    private static Object read(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The request body is empty");
        }
        try {
            return MAPPER.readValue(body, new TypeReference<Object>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
