package io.cherrypick.flow.returns;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The returns flow ({@code cherrypick.flows.returns}): Blue Cherry return authorisations to Peoplevox expected returns,
 * Peoplevox received returns to Blue Cherry receipts. The schedules, sizes, resources and retries are read by
 * routes/returns.camel.yaml, the rest by its steps; the expected-return and receipt fields are in
 * routes/mappings/expected-return.yaml and return-receipt.yaml. Defaults in application.yml.
 *
 * @param enabled                run the flow (its route group starts); off by default: it rests on resources no public
 *                               source confirms (README "Tenant setup")
 * @param pullCron               how often Blue Cherry is asked for return authorisations (Quartz cron; clustered)
 * @param authorisationResource  the Blue Cherry resource the authorisations are read from
 * @param expectedReturnTemplate the Peoplevox import template the expected returns are saved with
 * @param sendInterval           ms between expected-return sender runs while none waits
 * @param batchSize              authorisations per sender run (at most 100 rows go in one SaveData call)
 * @param inboxInterval          ms between runs of the stored Peoplevox return events while none waits
 * @param pollCron               how often the Returns summary report is read for returns no event brought (Quartz
 *                               cron; clustered)
 * @param pollLookback           how far back the first report poll reads
 * @param pollOverlap            each poll reads again this far back from where the last one ended (late rows)
 * @param receiptResource        the Blue Cherry resource receipts are posted to
 * @param receiptSendInterval    ms between receipt sender runs while none waits
 * @param receiptBatchSize       receipts per POST to Blue Cherry
 * @param maxAttempts            attempts of a failing send before the record becomes an exception
 * @param retryBackoff           the first wait before a failed send is tried again (doubling each attempt)
 * @param staleClaimAfter        a claim older than this belongs to an instance that stopped: its records are taken over
 * @param closedStatuses         Blue Cherry authorisation statuses that mean nothing is expected any more
 * @param dispositions           Peoplevox return condition to Blue Cherry disposition (A restock, D damaged, Q
 *                               quarantine); seeds mapping kind "return-disposition"
 * @param defaultDisposition     the disposition of any condition not listed
 * @param reasons                Peoplevox return reason to Blue Cherry reason_code (else the authorisation's); seeds
 *                               mapping kind "return-reason"
 */
@Validated
@ConfigurationProperties("cherrypick.flows.returns")
public record ReturnsProperties(boolean enabled, @NotBlank String pullCron, @NotBlank String authorisationResource,
                                @NotBlank String expectedReturnTemplate, @Min(1) long sendInterval,
                                @Min(1) @Max(100) int batchSize, @Min(1) long inboxInterval, @NotBlank String pollCron,
                                @NotNull @DurationMin(minutes = 1) Duration pollLookback, @NotNull Duration pollOverlap,
                                @NotBlank String receiptResource, @Min(1) long receiptSendInterval,
                                @Min(1) int receiptBatchSize, @Min(1) int maxAttempts,
                                @NotNull @DurationMin(millis = 1) Duration retryBackoff,
                                @NotNull @DurationMin(seconds = 1) Duration staleClaimAfter,
                                @NotNull List<String> closedStatuses, List<Disposition> dispositions,
                                @NotBlank String defaultDisposition, List<Reason> reasons) {

    /**
     * A Peoplevox return condition and the Blue Cherry disposition it gets.
     *
     * @param condition   the Peoplevox return condition
     * @param disposition the Blue Cherry disposition code
     */
    public record Disposition(String condition, String disposition) {
    }

    /**
     * A Peoplevox return reason and the Blue Cherry reason_code it gets.
     *
     * @param peoplevox  the Peoplevox return reason
     * @param bluecherry the Blue Cherry reason_code
     */
    public record Reason(String peoplevox, String bluecherry) {
    }

    public ReturnsProperties {
        // set to nothing, a list binds as null: nothing to seed
        dispositions = dispositions == null ? List.of() : List.copyOf(dispositions);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        defaultDisposition = defaultDisposition == null ? null : defaultDisposition.trim();
    }
}
