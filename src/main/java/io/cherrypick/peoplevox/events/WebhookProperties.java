package io.cherrypick.peoplevox.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Peoplevox webhooks ({@code cherrypick.webhooks}). {@code token} is the shared secret Peoplevox posts with every event
 * (set it from the environment, CHERRYPICK_WEBHOOKS_TOKEN; when empty, one is generated once and kept in the database so
 * every instance agrees). {@code baseUrl} is how Peoplevox reaches Cherrypick (default http://localhost:{server.port}).
 * Subscriptions younger than {@code freshFor} with the same settings are kept, so instances starting together in a
 * cluster renew them once. {@code subscribe=false} leaves Peoplevox's subscriptions alone (the report polls still run).
 */
@ConfigurationProperties("cherrypick.webhooks")
public record WebhookProperties(Boolean subscribe, String token, String baseUrl, String path, Duration freshFor) {
    public WebhookProperties {
        subscribe = subscribe == null || subscribe;
        token = token == null ? "" : token.trim();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.trim();
        path = path == null || path.isBlank() ? "/webhooks/peoplevox" : path.trim();
        freshFor = freshFor == null ? Duration.ofMinutes(2) : freshFor;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "WebhookProperties[subscribe=" + subscribe + ", token=" + (token.isEmpty() ? "(generated)" : "(set)")
                + ", baseUrl=" + baseUrl + ", path=" + path + ", freshFor=" + freshFor + "]";
    }
}
