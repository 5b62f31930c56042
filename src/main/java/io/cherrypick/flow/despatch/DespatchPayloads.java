package io.cherrypick.flow.despatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes the outbox payload of a despatch ({@link PvxDespatch} as JSON). */
final class DespatchPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DespatchPayloads() {
    }

    static String write(PvxDespatch despatch) {
        try {
            return JSON.writeValueAsString(despatch);
        } catch (Exception e) {
            throw new IllegalStateException("despatch " + despatch.despatchNumber() + " cannot be written as JSON", e);
        }
    }

    static PvxDespatch read(String payload) {
        try {
            return JSON.readValue(payload, PvxDespatch.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("stored despatch is not readable: " + e.getMessage(), e);
        }
    }

    /** The pick (Peoplevox sales order number) a stored payload belongs to; null when unreadable. */
    static String pickOf(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            String pick = node.path("salesOrderNumber").asText("");
            return pick.isEmpty() ? null : pick;
        } catch (Exception unreadable) {
            return null;
        }
    }
}
