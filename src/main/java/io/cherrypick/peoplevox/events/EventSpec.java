package io.cherrypick.peoplevox.events;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a flow wants from one Peoplevox event type: the placeholders Peoplevox should post ({@code fields}, posted as
 * form fields of the same name), those without which the event is malformed ({@code required}), and those that
 * identify the business fact ({@code keyFields}): the inbox key, so a duplicate delivery is stored once. Events land in
 * the inbox under {@code flow}. A flow registers one bean per event type it consumes.
 */
public record EventSpec(String eventType, String flow, List<String> fields, List<String> required, List<String> keyFields,
                        boolean enabled) {
    private static final int MAX_KEY = 200;

    public EventSpec {
        fields = List.copyOf(fields);
        required = List.copyOf(required);
        keyFields = List.copyOf(keyFields);
        if (!fields.containsAll(required) || !fields.containsAll(keyFields)) {
            throw new IllegalArgumentException(eventType + ": required and key fields must be among the posted fields");
        }
    }

    /** The required fields missing or blank in a received event. */
    public List<String> missing(Map<String, String> values) {
        return required.stream().filter(f -> values.get(f) == null || values.get(f).isBlank()).toList();
    }

    /** The inbox key: event type and key field values; long keys are shortened to a digest. */
    public String eventKey(Map<String, String> values) {
        String key = eventType + ":" + keyFields.stream().map(f -> values.getOrDefault(f, "").trim())
                .collect(Collectors.joining("|"));
        if (key.length() <= MAX_KEY) {
            return key;
        }
        return eventType + ":sha256:" + Hashing.sha256Hex(key);
    }
}
