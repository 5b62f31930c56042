package io.cherrypick.peoplevox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and as whom Cherrypick talks to Peoplevox. The service lives at {@code {baseUrl}/{clientId}/resources/integrationservicev4.asmx}.
 * Credentials come from the environment in production (PVX_CLIENT_ID, PVX_USERNAME, PVX_PASSWORD).
 */
@ConfigurationProperties("cherrypick.peoplevox")
public record PeoplevoxProperties(String baseUrl, String clientId, String username, String password, Duration timeout,
                                  RateLimit rateLimit) {

    /** Client-side pacing shared by every flow, so Cherrypick never earns Peoplevox's refusal (about 15 calls per 15 s). */
    public record RateLimit(boolean enabled, int requests, Duration period) {
    }

    public PeoplevoxProperties {
        if (timeout == null) {
            timeout = Duration.ofSeconds(30);
        }
        if (rateLimit == null) {
            rateLimit = new RateLimit(false, 15, Duration.ofSeconds(15));
        }
    }

    public String serviceUrl() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/" + clientId + "/resources/integrationservicev4.asmx";
    }
}
