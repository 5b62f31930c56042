package io.cherrypick.bluecherry;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.cherrypick.security.Secrets;

/**
 * The Blue Cherry API ({@code cherrypick.bluecherry}), customer specific, behind Azure API Management. Defaults are in
 * application.yml (the built-in simulator); the subscription key is never printed.
 *
 * @param baseUrl         the API's address, before {@code /api/...} (CHERRYPICK_BLUECHERRY_BASE_URL)
 * @param subscriptionKey the APIM subscription key, sent in Ocp-Apim-Subscription-Key (BC_SUBSCRIPTION_KEY)
 * @param pageSize        records per page when reading (Blue Cherry serves at most 200)
 * @param timeout         how long one call may take before it counts as timed out and is retried later
 */
@Validated
@ConfigurationProperties("cherrypick.bluecherry")
public record BlueCherryProperties(@NotBlank String baseUrl, @NotBlank String subscriptionKey,
                                   @Min(1) @Max(200) int pageSize, @NotNull @DurationMin(millis = 1) Duration timeout) {

    /** Never prints the subscription key. */
    @Override
    public String toString() {
        return "BlueCherryProperties[baseUrl=" + baseUrl + ", subscriptionKey=" + Secrets.shown(subscriptionKey)
                + ", pageSize=" + pageSize + ", timeout=" + timeout + "]";
    }
}
