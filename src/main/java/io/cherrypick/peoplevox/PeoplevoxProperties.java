package io.cherrypick.peoplevox;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.cherrypick.runtime.StartupChecks;
import io.cherrypick.security.Secrets;

/**
 * Where and as whom Cherrypick talks to Peoplevox ({@code cherrypick.peoplevox}). The service lives at
 * {@code {baseUrl}/{clientId}/resources/integrationservicev4.asmx}. Defaults are in application.yml (the built-in
 * simulator); in production every value comes from the environment and the password is never printed.
 *
 * @param baseUrl         Peoplevox's address, e.g. https://wms.peoplevox.net (CHERRYPICK_PEOPLEVOX_BASE_URL)
 * @param clientId        the tenant's client id (PVX_CLIENT_ID)
 * @param username        the integration user (PVX_USERNAME)
 * @param password        the integration user's password, in plain text: Cherrypick Base64-encodes it as Peoplevox
 *                        expects (PVX_PASSWORD)
 * @param timeout         how long one call may take before it counts as timed out and is retried later
 * @param maxRowsPerCall  at most this many CSV rows in one SaveData, whatever a route asks (peoplevox:save cuts calls on
 *                        record boundaries). 100 is the largest size public clients are seen to send; raise it only
 *                        when the tenant's Peoplevox confirms a larger limit
 * @param rateLimit       client-side pacing: one budget shared by every flow and every instance, kept in the database
 */
@Validated
@ConfigurationProperties("cherrypick.peoplevox")
public record PeoplevoxProperties(@NotBlank String baseUrl, @NotBlank String clientId, @NotBlank String username,
                                  @NotBlank String password, @NotNull @DurationMin(millis = 1) Duration timeout,
                                  @Min(1) int maxRowsPerCall, @NotNull @Valid RateLimit rateLimit) {

    /** The path of the built-in Peoplevox simulator: an address under it is the simulator's, on any host. */
    public static final String SIMULATOR_PATH = "/sim/peoplevox";

    /** Whether Cherrypick paces itself: {@code auto} paces unless Peoplevox is the built-in simulator. */
    public enum Pacing {
        /** pace, unless the base URL is the built-in simulator's */
        AUTO,
        /** always pace (also against the simulator, e.g. to test its limit: profile ratelimited) */
        ON,
        /** never pace (Peoplevox's refusals are still recognised and retried later) */
        OFF
    }

    /**
     * Client-side pacing, so Cherrypick never earns Peoplevox's refusal (15 calls per 15 s per client id, the one figure
     * a public client states; how Peoplevox counts and what it answers are not published). The budget is
     * {@code requests - safetyMargin} calls in any {@code period}, counted from each call's end, shared by every
     * instance through the database.
     *
     * @param enabled          auto (default: pace unless Peoplevox is the built-in simulator), true or false
     * @param requests         the tenant's limit: calls Peoplevox allows per period
     * @param period           the period Peoplevox counts the calls over
     * @param safetyMargin     calls per period left unused below the tenant's limit (other integrations of the same
     *                         client id, Peoplevox counting differently than assumed)
     * @param backoff          after a refusal, how long every instance waits before its next call
     * @param retryFor         how long a refused call is tried again (after each back-off) before it fails as a
     *                         transient RATE_LIMITED fault, which its flow retries later
     * @param refusalPatterns  regular expressions (case-insensitive) that mark an answer as a rate-limit refusal, matched
     *                         against a failed answer's Detail, a SOAP fault's text and an HTTP error's body; HTTP 429
     *                         and 503 are refusals whatever their text
     */
    public record RateLimit(@NotNull Pacing enabled, @Min(1) int requests, @NotNull @DurationMin(millis = 1) Duration period,
                            @Min(0) int safetyMargin, @NotNull @DurationMin(millis = 1) Duration backoff,
                            @NotNull Duration retryFor, @NotNull List<@NotBlank String> refusalPatterns) {

        /** Calls Cherrypick allows itself per period. */
        public int budget() {
            return Math.max(1, requests - safetyMargin);
        }

        @AssertTrue(message = "must leave at least one call per period (safety-margin smaller than requests)")
        public boolean isMarginBelowRequests() {
            return safetyMargin < requests;
        }

        @AssertTrue(message = "every refusal pattern must be a regular expression")
        public boolean isRefusalPatternsValid() {
            try {
                compiledPatterns();
                return true;
            } catch (PatternSyntaxException e) {
                return false;
            }
        }

        List<Pattern> compiledPatterns() {
            return refusalPatterns == null ? List.of()
                    : refusalPatterns.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
        }
    }

    /** Whether calls are paced: on, or auto and Peoplevox is not the built-in simulator. */
    public boolean paced() {
        return switch (rateLimit.enabled()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> !StartupChecks.isSimulator(baseUrl, SIMULATOR_PATH);
        };
    }

    public String serviceUrl() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/" + clientId + "/resources/integrationservicev4.asmx";
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PeoplevoxProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", username=" + username
                + ", password=" + Secrets.shown(password) + ", timeout=" + timeout + ", maxRowsPerCall=" + maxRowsPerCall
                + ", rateLimit=" + rateLimit + "]";
    }
}
