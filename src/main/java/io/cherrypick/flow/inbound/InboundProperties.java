package io.cherrypick.flow.inbound;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The inbound flow ({@code cherrypick.flows.inbound}): Blue Cherry purchase orders to Peoplevox purchase orders, goods
 * Peoplevox booked in to Blue Cherry production receipts. The schedules, sizes, resources and retries are read by
 * routes/inbound.camel.yaml, the rest by its steps; the Peoplevox and Blue Cherry fields are in
 * routes/mappings/purchase-order.yaml and production-receipt.yaml. Defaults in application.yml.
 *
 * @param enabled                  run the flow (its route group starts)
 * @param pullCron                 how often Blue Cherry is asked for purchase orders changed since the last pull (Quartz
 *                                 cron; clustered)
 * @param purchaseOrderResource    the Blue Cherry resource purchase orders are read from
 * @param openStage                the Blue Cherry stage_num of a purchase order open to receive: only these go to
 *                                 Peoplevox; one that leaves it is cancelled there (before any receipt) or closed
 * @param supplierAddressType      the addr_type of the purchase order address whose name is the supplier
 * @param purchaseOrderTemplate    the Peoplevox import template of purchase order headers
 * @param purchaseOrderItemTemplate the Peoplevox import template of purchase order lines
 * @param sendInterval             ms between purchase order sender runs while none waits
 * @param batchSize                purchase orders per sender run (at most 100 rows go in one SaveData call)
 * @param inboxInterval            ms between runs of the stored goods-in events while none waits
 * @param pollCron                 how often the goods-in report is read for deliveries no event brought (Quartz cron;
 *                                 clustered)
 * @param pollLookback             how far back the first report poll reads
 * @param pollOverlap              each poll reads again this far back from where the last one ended (late rows)
 * @param goodsInReport            the Peoplevox report a delivery's lines are read from
 * @param receiptResource          the Blue Cherry resource receipts are posted to
 * @param receiptSendInterval      ms between receipt sender runs while none waits
 * @param receiptBatchSize         goods-in lines per POST to Blue Cherry
 * @param overReceiptTolerance     percent of a line's ordered units the warehouse may receive on top (sent with
 *                                 over_recv_ok Y); beyond it the delivery is an exception for purchasing
 * @param maxAttempts              attempts of a failing send before the record becomes an exception (0: not
 *                  counted; the time budget cherrypick.handoff.retry-for decides)
 * @param retryBackoff             the first wait before a failed send is tried again (doubling each attempt)
 * @param staleClaimAfter          a claim older than this belongs to an instance that stopped: its records are taken over
 * @param stuckGrace               how long after its expected date an open purchase order that still expects units
 *                                 counts as stuck: listed at /api/purchase-orders/stuck and told to the team's chat
 *                                 (alerts); it stops being stuck when received, closed or cancelled
 */
@Validated
@ConfigurationProperties("cherrypick.flows.inbound")
public record InboundProperties(boolean enabled, @NotBlank String pullCron, @NotBlank String purchaseOrderResource,
                                @NotBlank String openStage, @NotBlank String supplierAddressType,
                                @NotBlank String purchaseOrderTemplate, @NotBlank String purchaseOrderItemTemplate,
                                @Min(1) long sendInterval, @Min(1) @Max(100) int batchSize, @Min(1) long inboxInterval,
                                @NotBlank String pollCron, @NotNull @DurationMin(minutes = 1) Duration pollLookback,
                                @NotNull Duration pollOverlap, @NotBlank String goodsInReport,
                                @NotBlank String receiptResource, @Min(1) long receiptSendInterval,
                                @Min(1) int receiptBatchSize, @Min(0) @Max(1000) int overReceiptTolerance,
                                @Min(0) int maxAttempts, @NotNull @DurationMin(millis = 1) Duration retryBackoff,
                                @NotNull @DurationMin(seconds = 1) Duration staleClaimAfter,
                                @NotNull @DurationMin(seconds = 0) Duration stuckGrace) {
}
