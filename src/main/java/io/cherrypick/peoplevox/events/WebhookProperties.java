package io.cherrypick.peoplevox.events;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import io.cherrypick.security.Secrets;

/**
 * Peoplevox webhooks ({@code cherrypick.webhooks}); defaults in application.yml.
 *
 * @param subscribe whether Cherrypick keeps Peoplevox's event subscriptions; false leaves them alone (the report polls
 *                  still run)
 * @param token     the shared secret Peoplevox posts with every event (CHERRYPICK_WEBHOOKS_TOKEN); when empty, one is
 *                  generated once and kept in the database so every instance agrees. Never printed
 * @param baseUrl   how Peoplevox reaches Cherrypick: the one address every instance of the cluster answers at
 *                  (CHERRYPICK_WEBHOOKS_BASE_URL); empty means http://localhost:{server.port}, which serves only a
 *                  Peoplevox simulator on this machine
 * @param path      the webhook's path under the base address
 * @param freshFor  subscriptions younger than this with the same settings are kept, so instances starting together
 *                  renew them once
 * @param maxBodySize the largest delivery accepted; a longer one is refused (413) before its body is read beyond it
 */
@Validated
@ConfigurationProperties("cherrypick.webhooks")
public record WebhookProperties(boolean subscribe, String token, String baseUrl, @NotBlank String path,
                                @NotNull Duration freshFor, @NotNull DataSize maxBodySize) {
    public WebhookProperties {
        token = token == null ? "" : token.trim();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.trim();
        path = path == null ? null : path.trim();
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "WebhookProperties[subscribe=" + subscribe + ", token=" + (token.isEmpty() ? "(generated)" : Secrets.shown(token))
                + ", baseUrl=" + baseUrl + ", path=" + path + ", freshFor=" + freshFor + ", maxBodySize=" + maxBodySize + "]";
    }
}
