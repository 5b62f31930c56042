package io.cherrypick.flow.despatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.cherrypick.store.LifecycleState;

/**
 * The despatch flow ({@code cherrypick.flows.despatch}): Peoplevox despatches to Blue Cherry OrderShipments. The
 * schedules, sizes and retries are read by routes/despatch-from-wms.camel.yaml, the rest by its steps; the
 * OrderShipment's constant fields (trans_type, our_id, uoms, ...) are in routes/mappings/order-shipment.yaml. Defaults
 * in application.yml.
 *
 * @param enabled            run the flow (its route group starts)
 * @param packageEvents      also subscribe to Peoplevox's DespatchPackageDespatched and
 *                           DespatchPackageTrackingNumberReceived events (their {DespatchNumber} placeholder is assumed:
 *                           no public source shows one; TrackingNumberReceived and the report poll suffice without them)
 * @param inboxInterval      ms between runs of the stored Peoplevox events while none waits
 * @param eventMaxAttempts   attempts of an event whose despatch is not in Peoplevox's reports yet, before it becomes an
 *                           exception
 * @param eventRetryBackoff  the wait between those attempts
 * @param pollCron           how often the Despatch summary report is read for despatches no event brought (Quartz cron;
 *                           clustered)
 * @param pollLookback       how far back the first report poll reads
 * @param pollOverlap        each poll reads again this far back from where the last one ended (late rows)
 * @param batchSize          shipments per POST to Blue Cherry
 * @param sendLinger         how long a partial batch may wait for more shipments (one POST for many)
 * @param sendInterval       ms between sender runs while no shipment waits
 * @param maxAttempts        attempts of a failing POST before the shipment becomes an exception (0: not
 *                  counted; the time budget cherrypick.handoff.retry-for decides)
 * @param retryBackoff       the first wait before a failed POST is tried again (doubling each attempt)
 * @param staleClaimAfter    a claim older than this belongs to an instance that stopped: its shipments are taken over
 * @param statuses           Peoplevox sales order status name to the order's lifecycle state
 * @param carriers           Peoplevox service type (or carrier) to Blue Cherry shipper and SCAC; seeds mapping kind
 *                           "carrier" (operators change it through /api/mappings/carrier/{service} afterwards)
 * @param cmplCode           the shipment's cmpl_code: FULLY_SHIPPED (Y when this despatch completes the pick, else N),
 *                           ALWAYS_N or ALWAYS_Y
 * @param gs1CompanyPrefix   the GS1 company prefix of the SSCC carton numbers (6 to 12 digits)
 * @param gs1ExtensionDigit  the SSCC extension digit (0 to 9)
 * @param cartonVolume       each carton's ctn_volume
 */
@Validated
@ConfigurationProperties("cherrypick.flows.despatch")
public record DespatchProperties(boolean enabled, boolean packageEvents, @Min(1) long inboxInterval, @Min(1) int eventMaxAttempts,
                                 @NotNull @DurationMin(millis = 1) Duration eventRetryBackoff, @NotBlank String pollCron,
                                 @NotNull @DurationMin(minutes = 1) Duration pollLookback, @NotNull Duration pollOverlap,
                                 @Min(1) int batchSize, @NotNull Duration sendLinger, @Min(1) long sendInterval,
                                 @Min(0) int maxAttempts, @NotNull @DurationMin(millis = 1) Duration retryBackoff,
                                 @NotNull @DurationMin(seconds = 1) Duration staleClaimAfter,
                                 @NotEmpty Map<String, LifecycleState> statuses, List<Carrier> carriers,
                                 @NotNull CmplCodeRule cmplCode,
                                 @NotNull @Pattern(regexp = "\\d{6,12}", message = "must be 6 to 12 digits") String gs1CompanyPrefix,
                                 @Min(0) @Max(9) int gs1ExtensionDigit, @NotBlank String cartonVolume) {

    /**
     * A Peoplevox service type (or carrier) name and the Blue Cherry shipper code and SCAC it gets.
     *
     * @param service the Peoplevox service type or carrier name
     * @param shipper the Blue Cherry shipper code
     * @param scac    the carrier's Standard Carrier Alpha Code
     */
    public record Carrier(String service, String shipper, String scac) {
    }

    public enum CmplCodeRule { FULLY_SHIPPED, ALWAYS_N, ALWAYS_Y }

    public DespatchProperties {
        // set to nothing, a list binds as null: no carriers to seed
        carriers = carriers == null ? List.of() : List.copyOf(carriers);
    }
}
