package io.cherrypick.peoplevox;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.cherrypick.security.Secrets;

/**
 * Where and as whom Cherrypick talks to Peoplevox ({@code cherrypick.peoplevox}). The service lives at
 * {@code {baseUrl}/{clientId}/resources/integrationservicev4.asmx}. Defaults are in application.yml (the built-in
 * simulator); in production every value comes from the environment and the password is never printed.
 *
 * @param baseUrl   Peoplevox's address, e.g. https://wms.peoplevox.net (CHERRYPICK_PEOPLEVOX_BASE_URL)
 * @param clientId  the tenant's client id (PVX_CLIENT_ID)
 * @param username  the integration user (PVX_USERNAME)
 * @param password  the integration user's password, in plain text: Cherrypick Base64-encodes it as Peoplevox expects
 *                  (PVX_PASSWORD)
 * @param timeout   how long one call may take before it counts as timed out and is retried later
 * @param rateLimit client-side pacing shared by every flow
 */
@Validated
@ConfigurationProperties("cherrypick.peoplevox")
public record PeoplevoxProperties(@NotBlank String baseUrl, @NotBlank String clientId, @NotBlank String username,
                                  @NotBlank String password, @NotNull @DurationMin(millis = 1) Duration timeout,
                                  @NotNull @Valid RateLimit rateLimit) {

    /**
     * Client-side pacing, so Cherrypick never earns Peoplevox's refusal (about 15 calls per 15 s per client id).
     *
     * @param enabled  pace the calls
     * @param requests calls allowed per period
     * @param period   the period the calls are counted over
     */
    public record RateLimit(boolean enabled, @Min(1) int requests, @NotNull @DurationMin(millis = 1) Duration period) {
    }

    public String serviceUrl() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/" + clientId + "/resources/integrationservicev4.asmx";
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PeoplevoxProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", username=" + username
                + ", password=" + Secrets.shown(password) + ", timeout=" + timeout + ", rateLimit=" + rateLimit + "]";
    }
}
