package io.cherrypick.simulator.bluecherry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cherrypick.simulator.bluecherry.BlueCherrySimulatorProperties.ErrorShape;

/** JSON bodies of the gateway and of validation errors, in the shapes real Blue Cherry clients have to parse. */
final class ErrorBodies {
    static final String MISSING_KEY = "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.";
    static final String INVALID_KEY = "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.";

    private ErrorBodies() {
    }

    /** Validation messages in the configured shape; the single-message shape joins them with "; ". */
    static Object validation(ErrorShape shape, List<String> messages) {
        return switch (shape) {
            case ERRORS_ERROR_MESSAGE -> Map.of("errors", messages.stream().map(m -> Map.of("errorMessage", m)).toList());
            case ERRORS_MESSAGE -> Map.of("errors", messages.stream().map(m -> Map.of("message", m)).toList());
            case MESSAGE_ARRAY -> Map.of("message", messages.stream().map(m -> Map.of("message", m)).toList());
            case MESSAGE -> Map.of("message", String.join("; ", messages));
        };
    }

    /** Azure API Management's own JSON error, {@code statusCode} first as APIM writes it. */
    static Object gateway(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("message", message);
        return body;
    }
}
