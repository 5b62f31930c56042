package io.cherrypick.bluecherry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Blue Cherry API base URL (customer specific, behind Azure API Management) and its subscription key (BC_SUBSCRIPTION_KEY). */
@ConfigurationProperties("cherrypick.bluecherry")
public record BlueCherryProperties(String baseUrl, String subscriptionKey, int pageSize, Duration timeout) {
    public BlueCherryProperties {
        if (pageSize <= 0 || pageSize > 200) {
            pageSize = 200;
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(30);
        }
    }
}
