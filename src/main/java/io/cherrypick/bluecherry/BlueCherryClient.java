package io.cherrypick.bluecherry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.ApiCallOutcome;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.http.HttpCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * REST/JSON client of the Blue Cherry API ({@code {baseUrl}/api/...}, header {@code Ocp-Apim-Subscription-Key}).
 * Reads {@code {"version", "data": {"header": [...]}}} (or a flat {@code data} array; {@code data} without a
 * {@code header} is an empty page); understands the four error body shapes seen in the field. It assumes no order of
 * the records a read answers.
 */
public class BlueCherryClient {
    public static final String SYSTEM = "Blue Cherry";

    private final BlueCherryProperties props;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public BlueCherryClient(BlueCherryProperties props, ObjectMapper json, MeterRegistry meters) {
        this.props = props;
        this.json = json;
        this.meters = meters;
    }

    public int pageSize() {
        return props.pageSize();
    }

    /**
     * One page of a resource: the header records (or the flat data records), in whatever order Blue Cherry answers.
     * {@code filter} may be null.
     */
    public List<JsonNode> getPage(String resource, String filter, int pageNo, int pageSize) {
        Map<String, String> query = new LinkedHashMap<>();
        if (filter != null && !filter.isBlank()) {
            query.put("$filter", filter);
        }
        query.put("_include", "all");
        query.put("_pgno", Integer.toString(pageNo));
        query.put("_pgsize", Integer.toString(pageSize));
        JsonNode body = send(resource, "GET", query, null);
        JsonNode data = body.path("data");
        if (data.isObject() && !data.has("header")) {
            // an empty read may leave the header out (no public source says it is always there)
            return List.of();
        }
        JsonNode records = data.isArray() ? data : data.path("header");
        if (!records.isArray()) {
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR,
                    "Blue Cherry " + resource + " answer has neither data.header[] nor data[]: " + abbreviate(body.toString()), null);
        }
        List<JsonNode> out = new ArrayList<>(records.size());
        records.forEach(out::add);
        return out;
    }

    /** Posts a JSON array; returns the {@code pkey} Blue Cherry assigned. */
    public long post(String resource, JsonNode body) {
        JsonNode answer = send(resource, "POST", Map.of(), body);
        if (!answer.has("pkey")) {
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR,
                    "Blue Cherry " + resource + " answered without a pkey: " + abbreviate(answer.toString()), null);
        }
        return answer.path("pkey").asLong();
    }

    private JsonNode send(String resource, String method, Map<String, String> query, JsonNode body) {
        String base = props.baseUrl().endsWith("/") ? props.baseUrl() : props.baseUrl() + "/";
        String qs = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(base + "api/" + resource + (qs.isEmpty() ? "" : "?" + qs));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(props.timeout())
                .header("Ocp-Apim-Subscription-Key", props.subscriptionKey() == null ? "" : props.subscriptionKey())
                .header("Accept", "application/json");
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.GET();
        }
        meters.counter("cherrypick.api.calls", "system", "bluecherry", "operation", method + " " + resource).increment();
        Timer.Sample sample = Timer.start(meters);
        String outcome = ApiCallOutcome.OK;
        try {
            return exchange(request.build(), method, resource);
        } catch (RuntimeException e) {
            outcome = ApiCallOutcome.of(e);
            throw e;
        } finally {
            sample.stop(meters.timer(ApiCallOutcome.TIMER, "system", "bluecherry", "operation", method + " " + resource,
                    "outcome", outcome));
        }
    }

    /** One call, timed by {@link #send} ({@link ApiCallOutcome#TIMER}: system bluecherry, method and resource, outcome). */
    private JsonNode exchange(HttpRequest request, String method, String resource) {
        HttpResponse<String> response;
        try {
            response = HttpCalls.send(http, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8),
                    props.timeout());
        } catch (HttpTimeoutException e) {
            throw ApiException.transientFailure(SYSTEM, Category.API_TIMEOUT,
                    "Blue Cherry " + method + " " + resource + " timed out after " + props.timeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR,
                    "Blue Cherry " + method + " " + resource + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR, "interrupted during Blue Cherry " + resource, e);
        }
        return interpret(method + " " + resource, response.statusCode(), response.body());
    }

    /**
     * What an answer means: 401/403 credentials refused, 408 timed out, 429 rate limited, 5xx failed (all transient:
     * retried, and a run of them is an outage); any other 4xx is Blue Cherry refusing the record on its merits
     * ({@link BlueCherryRejection}: an exception at once).
     */
    JsonNode interpret(String what, int status, String body) {
        JsonNode parsed = null;
        try {
            parsed = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException unreadable) {
            // handled below by status
        }
        if (status == 401 || status == 403) {
            throw ApiException.transientFailure(SYSTEM, Category.AUTH, "Blue Cherry refused the subscription key for " + what
                    + " (HTTP " + status + "): " + messagesOf(parsed, body), null);
        }
        if (status == 408) {
            // the server gave up waiting for the request: nothing was applied, trying again can cure it
            throw ApiException.transientFailure(SYSTEM, Category.API_TIMEOUT, "Blue Cherry " + what + " timed out (HTTP 408): "
                    + messagesOf(parsed, body), null);
        }
        if (status == 429) {
            throw ApiException.transientFailure(SYSTEM, Category.RATE_LIMITED, "Blue Cherry rate limit on " + what + ": "
                    + messagesOf(parsed, body), null);
        }
        if (status >= 500) {
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR, "Blue Cherry " + what + " failed with HTTP " + status
                    + ": " + messagesOf(parsed, body), null);
        }
        if (status >= 400) {
            throw new BlueCherryRejection(what, status, messageList(parsed, body));
        }
        if (parsed == null || !parsed.isObject()) {
            throw ApiException.transientFailure(SYSTEM, Category.API_ERROR, "Blue Cherry " + what + " answered HTTP " + status
                    + " with a body that is not a JSON object: " + abbreviate(body), null);
        }
        if (parsed.has("errors") || (parsed.has("message") && !parsed.has("data") && !parsed.has("pkey"))) {
            throw new BlueCherryRejection(what, status, messageList(parsed, body));
        }
        return parsed;
    }

    /** The four error shapes: errors[].errorMessage, errors[].message, message[].message, message. */
    static List<String> messageList(JsonNode parsed, String raw) {
        List<String> messages = new ArrayList<>();
        if (parsed != null) {
            for (JsonNode e : parsed.path("errors")) {
                messages.add(e.has("errorMessage") ? e.path("errorMessage").asText() : e.path("message").asText());
            }
            JsonNode message = parsed.path("message");
            if (message.isArray()) {
                message.forEach(m -> messages.add(m.isObject() ? m.path("message").asText() : m.asText()));
            } else if (message.isTextual()) {
                messages.add(message.asText());
            }
        }
        if (messages.isEmpty()) {
            messages.add(abbreviate(raw));
        }
        return messages;
    }

    private static String messagesOf(JsonNode parsed, String raw) {
        return String.join("; ", messageList(parsed, raw));
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
