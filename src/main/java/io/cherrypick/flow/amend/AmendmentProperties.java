package io.cherrypick.flow.amend;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Amendments and cancellations of picks already in Peoplevox ({@code cherrypick.flows.sales-order-change}), read by
 * routes/sales-order-amend.camel.yaml and its steps; defaults in application.yml. The cut-off fails closed: a Peoplevox
 * status that is in none of the lists (another name, or a number not in {@code statusNumbers}) counts as past it.
 *
 * @param enabled         apply Blue Cherry's changes to orders in Peoplevox (the route group starts)
 * @param interval        ms between runs while no change waits
 * @param openStatuses    the Peoplevox sales-order statuses in which the warehouse has not started: changes are applied
 * @param cutoffStatuses  the Peoplevox sales-order statuses from which Cherrypick stops changing an order by itself; a
 *                        change after the cut-off becomes an AFTER_CUTOFF exception for people
 * @param cancelledStatus the Peoplevox status of a cancelled sales order, read and also written to cancel one (the only
 *                        status Peoplevox takes on import)
 * @param statusNumbers   Peoplevox's numeric status ids and the status name each stands for (Peoplevox may answer a
 *                        number, e.g. the 5 of Status.Equals(5)); empty by default: the ids are not public, and a number
 *                        not listed counts as past the cut-off
 * @param maxAttempts     attempts of a failing change before it becomes an exception (0: not
 *                  counted; the time budget cherrypick.handoff.retry-for decides)
 * @param retryBackoff    the first wait before a failed change is tried again (doubling each attempt)
 */
@Validated
@ConfigurationProperties("cherrypick.flows.sales-order-change")
public record AmendmentProperties(boolean enabled, @Min(1) long interval, @NotNull List<String> openStatuses,
                                  @NotEmpty List<String> cutoffStatuses, @NotBlank String cancelledStatus,
                                  @NotNull @Valid List<StatusNumber> statusNumbers,
                                  @Min(0) int maxAttempts, @NotNull @DurationMin(millis = 1) Duration retryBackoff) {
    /**
     * One numeric Peoplevox status id.
     *
     * @param number the id as Peoplevox answers it
     * @param name   the status name it stands for (one of the open, cut-off or cancelled statuses)
     */
    public record StatusNumber(@NotBlank String number, @NotBlank String name) {
    }
}
