package io.cherrypick.peoplevox.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a flow wants from one Peoplevox event type: the placeholders Peoplevox should post ({@code fields}, posted as
 * form fields of the same name), those without which the event is malformed ({@code required}), and those that
 * identify the business fact ({@code keyFields}): the inbox key, so a duplicate delivery is stored once. Events land in
 * the inbox under {@code flow}. A flow registers one bean per event type it consumes.
 * <p>
 * {@code stampField} (optional) is the key field that dates the fact. An event that comes without it cannot be told
 * from a later, real event with the same values (a level 5 → 3 → 5): it is never taken for a duplicate (its key gets a
 * part of its own), so a redelivery of it is stored twice, which the flow must bear (e.g. an absolute level).
 */
public record EventSpec(String eventType, String flow, List<String> fields, List<String> required, List<String> keyFields,
                        boolean enabled, String stampField) {
    private static final int MAX_KEY = 200;

    public EventSpec(String eventType, String flow, List<String> fields, List<String> required, List<String> keyFields,
                     boolean enabled) {
        this(eventType, flow, fields, required, keyFields, enabled, null);
    }

    public EventSpec {
        fields = List.copyOf(fields);
        required = List.copyOf(required);
        keyFields = List.copyOf(keyFields);
        if (!fields.containsAll(required) || !fields.containsAll(keyFields)
                || (stampField != null && !keyFields.contains(stampField))) {
            throw new IllegalArgumentException(eventType + ": required and key fields must be among the posted fields,"
                    + " the stamp field among the key fields");
        }
    }

    /** The required fields missing or blank in a received event. */
    public List<String> missing(Map<String, String> values) {
        return required.stream().filter(f -> values.get(f) == null || values.get(f).isBlank()).toList();
    }

    /**
     * The inbox key: event type and key field values (and, for an event without its {@code stampField}, a part of its
     * own); long keys are shortened to a digest.
     */
    public String eventKey(Map<String, String> values) {
        String key = eventType + ":" + keyFields.stream().map(f -> values.getOrDefault(f, "").trim())
                .collect(Collectors.joining("|"));
        if (stampField != null && values.getOrDefault(stampField, "").isBlank()) {
            key += "|undated:" + UUID.randomUUID();
        }
        if (key.length() <= MAX_KEY) {
            return key;
        }
        return eventType + ":sha256:" + Hashing.sha256Hex(key);
    }
}
