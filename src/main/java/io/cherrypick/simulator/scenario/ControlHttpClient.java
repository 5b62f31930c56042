package io.cherrypick.simulator.scenario;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * JSON calls to one simulator's control API ({@code <base URL><control path><path>}). Failures become a
 * {@link ControlCallException} whose message names the call and the answer, short enough for one log line.
 */
final class ControlHttpClient {

    private static final int BODY_EXCERPT = 200;

    private final RestClient restClient;
    private final Supplier<String> baseUrl;
    private final String controlPath;

    ControlHttpClient(RestClient restClient, Supplier<String> baseUrl, String controlPath) {
        this.restClient = restClient;
        this.baseUrl = baseUrl;
        this.controlPath = controlPath;
    }

    void post(String path, Object body, Object... uriVariables) {
        URI uri = uri(path, uriVariables);
        try {
            restClient.post().uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw failure("POST", uri, response.getStatusCode(), response.getBody().readAllBytes());
                    })
                    .toBodilessEntity();
        } catch (ResourceAccessException e) {
            throw new ControlCallException("POST " + uri + " failed: " + reason(e), e);
        }
    }

    <T> T get(String path, Class<T> type) {
        URI uri = uri(path);
        try {
            T body = restClient.get().uri(uri)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw failure("GET", uri, response.getStatusCode(), response.getBody().readAllBytes());
                    })
                    .body(type);
            if (body == null) {
                throw new ControlCallException("GET " + uri + " answered with an empty body");
            }
            return body;
        } catch (ResourceAccessException e) {
            throw new ControlCallException("GET " + uri + " failed: " + reason(e), e);
        }
    }

    private URI uri(String path, Object... uriVariables) {
        // encode() before expanding, so a variable's reserved characters ('/', '?') are encoded too
        return UriComponentsBuilder.fromUriString(baseUrl.get() + controlPath + path)
                .encode()
                .buildAndExpand(uriVariables)
                .toUri();
    }

    /** The root cause's message, or its type when it has none (e.g. an interrupted or closed connection). */
    private static String reason(ResourceAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static ControlCallException failure(String method, URI uri, HttpStatusCode status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        if (text.length() > BODY_EXCERPT) {
            text = text.substring(0, BODY_EXCERPT) + "...";
        }
        return new ControlCallException(method + " " + uri + " answered " + status.value()
                + (text.isEmpty() ? "" : ": " + text));
    }
}
