package io.cherrypick.flow.amend;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Amendments and cancellations of picks already in Peoplevox ({@code cherrypick.flows.sales-order-change}), read by
 * routes/sales-order-amend.camel.yaml and its steps; defaults in application.yml.
 *
 * @param enabled        apply Blue Cherry's changes to orders in Peoplevox (the route group starts)
 * @param interval       ms between runs while no change waits
 * @param cutoffStatuses the Peoplevox sales-order statuses from which Cherrypick stops changing an order by itself; a
 *                       change after the cut-off becomes an AFTER_CUTOFF exception for people
 * @param maxAttempts    attempts of a failing change before it becomes an exception
 * @param retryBackoff   the first wait before a failed change is tried again (doubling each attempt)
 */
@Validated
@ConfigurationProperties("cherrypick.flows.sales-order-change")
public record AmendmentProperties(boolean enabled, @Min(1) long interval, @NotEmpty List<String> cutoffStatuses,
                                  @Min(1) int maxAttempts, @NotNull @DurationMin(millis = 1) Duration retryBackoff) {
}
