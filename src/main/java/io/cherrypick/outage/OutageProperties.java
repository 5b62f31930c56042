package io.cherrypick.outage;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When a system Cherrypick calls counts as down ({@code cherrypick.outages}; defaults in application.yml).
 *
 * @param failuresToOpen calls in a row, from any instance, that failed with a fault of an outage (timeout, 5xx, no
 *                       connection, credentials refused) before the system counts as down
 * @param probeEvery     while it is down, how often one instance sends one record to try it
 */
@Validated
@ConfigurationProperties("cherrypick.outages")
public record OutageProperties(@Min(1) int failuresToOpen, @NotNull @DurationMin(millis = 1) Duration probeEvery) {
}
