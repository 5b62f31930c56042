package io.cherrypick.simulator.bluecherry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to the simulator over real HTTP, as a client of Blue Cherry and as a test driving the control API. */
final class BlueCherryHttp {
    static final String KEY = "demo-subscription-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    BlueCherryHttp(int port) {
        this.base = "http://localhost:" + port + "/sim/bluecherry";
    }

    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** URL-encodes a query value ({@code $filter} texts contain spaces and quotes). */
    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** GET on the API with the valid subscription key; {@code pathAndQuery} like {@code pick?_include=all}. */
    Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/" + pathAndQuery))
                .header("Ocp-Apim-Subscription-Key", KEY).header("Ocp-Apim-Trace", "true").GET(), null);
    }

    Response get(String pathAndQuery, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/" + pathAndQuery))
                .header("Ocp-Apim-Subscription-Key", KEY).GET(), timeout);
    }

    /** GET without or with another key (null = no header). */
    Response getWithKey(String pathAndQuery, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/" + pathAndQuery)).GET();
        if (key != null) {
            b.header("Ocp-Apim-Subscription-Key", key);
        }
        return send(b, null);
    }

    /** POST of a JSON body (object tree or raw string) to the API with the valid key. */
    Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/" + path))
                .header("Ocp-Apim-Subscription-Key", KEY).header("Ocp-Apim-Trace", "true")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text(body))), null);
    }

    /** A control-API call that must succeed; returns its JSON. */
    JsonNode control(String method, String path, Object body) {
        Response r = controlRaw(method, path, body);
        assertThat(r.status()).as("%s %s -> %s", method, path, r.body()).isBetween(200, 299);
        return r.json();
    }

    JsonNode control(String method, String path) {
        return control(method, path, null);
    }

    Response controlRaw(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text(body));
        return send(HttpRequest.newBuilder(URI.create(base + "/_control" + path))
                .header("Content-Type", "application/json").method(method, publisher), null);
    }

    /** A page outside the API (the HTML state view). */
    Response page(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    private Response send(HttpRequest.Builder builder, Duration timeout) {
        builder.timeout(timeout != null ? timeout : Duration.ofSeconds(30));
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOExceptionWrapper(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Carries an I/O failure (e.g. a client timeout) out of {@link #send} for tests to assert on. */
    static final class UncheckedIOExceptionWrapper extends RuntimeException {
        UncheckedIOExceptionWrapper(IOException cause) {
            super(cause);
        }
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
