package io.cherrypick.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;

/**
 * A channel reached by HTTP JSON: {@code POST {url}} with {@code {"updates":[{"sku","site","available","observedAt"}]}}
 * and, when a token is configured, {@code Authorization: Bearer <token>}. Any 2xx is success. Timeouts, connection
 * failures, 429 and 5xx are transient; 401/403 are AUTH; other 4xx mean the channel refused the data (REJECTED).
 */
public class HttpJsonStockChannel implements StockChannel {
    private final String name;
    private final URI url;
    private final String token;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    public HttpJsonStockChannel(String name, String url, String token, Duration timeout, ObjectMapper json) {
        this.name = name;
        this.url = URI.create(url);
        this.token = token == null ? "" : token.trim();
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void push(List<ChannelStockUpdate> updates) {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("updates");
        for (ChannelStockUpdate u : updates) {
            list.addObject().put("sku", u.sku()).put("site", u.site()).put("available", u.available())
                    .put("observedAt", u.observedAt().toString());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw ApiException.transientFailure(system(), Category.API_TIMEOUT,
                    "channel " + name + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw ApiException.transientFailure(system(), Category.API_ERROR, "channel " + name + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.transientFailure(system(), Category.API_ERROR, "interrupted while calling channel " + name, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String what = "channel " + name + " answered HTTP " + status + " to " + updates.size() + " stock level(s): "
                + abbreviate(response.body());
        if (status == 401 || status == 403) {
            throw ApiException.transientFailure(system(), Category.AUTH, what, null);
        }
        if (status == 429) {
            throw ApiException.transientFailure(system(), Category.RATE_LIMITED, what, null);
        }
        if (status >= 500) {
            throw ApiException.transientFailure(system(), Category.API_ERROR, what, null);
        }
        throw ApiException.permanent(system(), Category.REJECTED, what);
    }

    private String system() {
        return "Channel " + name;
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    @Override
    public String toString() {
        return "HttpJsonStockChannel[" + name + " " + url + (token.isEmpty() ? "" : ", token set") + "]";
    }
}
