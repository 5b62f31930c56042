package io.cherrypick.flow.stock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.cherrypick.security.Secrets;

/**
 * The stock flow ({@code cherrypick.flows.stock}): Peoplevox stock to the sales channels (near real time) and to Blue
 * Cherry (batched PhysicalInventoryTM overlay), with a scheduled reconciliation. The schedules, intervals, sizes and
 * retries are read by routes/stock-from-wms.camel.yaml, the rest by its steps. Defaults in application.yml.
 *
 * @param enabled             run the flow (its route group starts)
 * @param inboxInterval       ms between runs of the stored Peoplevox stock events while none waits
 * @param claimSize           events claimed per run
 * @param staleClaimAfter     a claim older than this belongs to an instance that stopped: its events are taken over
 * @param defaultSite         the site of an event or report row that names none
 * @param channels            per channel name, where levels go; each needs its templatedRoute of template
 *                            stock-to-channel in the route file
 * @param channelWindow       how long a push waits after the first change of its SKU arrived, taking in the changes that
 *                            follow; 0 (the default): a push is due at once, and changes coalesce only while a push of
 *                            the SKU waits or is in flight (the hand-off holds the next push until that one is settled)
 * @param channelInterval     ms between runs of a channel's queue while nothing waits
 * @param channelBatchSize    levels per push to a channel
 * @param channelRetryBackoff the first wait before a failed push is tried again; a push is retried without end,
 *                            doubling the wait up to channel-retry-max
 * @param channelRetryMax     the longest wait between push attempts
 * @param channelAlertAfter   failed attempts before an exception shows the channel is down
 * @param channelLateApply    how long after a push broke off without an answer (a timeout) the channel may still apply
 *                            it, over a newer level (assumed; no public source gives it): the levels of that push are
 *                            pushed whatever the channel was told until then, and once more after it
 * @param bufferDefault       units held back from the channels at every site and SKU without a buffer of its own
 * @param buffers             units held back per site or SKU; seeds mapping kind "stock-buffer"
 * @param peak                peak mode
 * @param refreshCron         how often levels changed since the last run are read again from Peoplevox (Quartz cron;
 *                            clustered)
 * @param refreshBatch        levels read again per run (at most 100, one report call)
 * @param report              the Peoplevox report the levels are read from
 * @param blueCherryCron      how often the levels go to Blue Cherry (PhysicalInventoryTM; Quartz cron; clustered)
 * @param blueCherryBatchSize rows per PhysicalInventoryTM POST
 * @param adjPrefix           the prefix of each overlay's adj_num
 * @param skuRefreshEvery     at most this often Blue Cherry's styles are read again for a SKU it does not know
 * @param reconcileCron       when Peoplevox, the channels and Blue Cherry are compared (Quartz cron; clustered)
 * @param reconcileMaxZeroShare   a reconciliation stops before correcting anything when it would set to 0 more than
 *                                this share of the levels held (at least one level may always go to 0) because
 *                                Peoplevox's report no longer lists them
 * @param reconcileMinReportShare a reconciliation stops before correcting anything when the report has fewer rows than
 *                                this share of the last completed run's report (a report cut short)
 * @param fullOverlayCron     when every level goes to Blue Cherry, changed or not (Quartz cron; clustered)
 */
@Validated
@ConfigurationProperties("cherrypick.flows.stock")
public record StockProperties(boolean enabled, @Min(1) long inboxInterval, @Min(1) int claimSize,
                              @NotNull @DurationMin(seconds = 1) Duration staleClaimAfter, @NotBlank String defaultSite,
                              Map<String, @Valid Channel> channels, @NotNull @DurationMin(millis = 0) Duration channelWindow,
                              @Min(1) long channelInterval, @Min(1) int channelBatchSize,
                              @NotNull @DurationMin(millis = 1) Duration channelRetryBackoff,
                              @NotNull @DurationMin(millis = 1) Duration channelRetryMax, @Min(1) int channelAlertAfter,
                              @NotNull @DurationMin(millis = 0) Duration channelLateApply,
                              @Min(0) int bufferDefault, List<Buffer> buffers, @NotNull @Valid Peak peak,
                              @NotBlank String refreshCron, @Min(1) @Max(100) int refreshBatch, @NotBlank String report,
                              @NotBlank String blueCherryCron, @Min(1) int blueCherryBatchSize, @NotNull String adjPrefix,
                              @NotNull Duration skuRefreshEvery, @NotBlank String reconcileCron,
                              @DecimalMin("0") @DecimalMax("1") double reconcileMaxZeroShare,
                              @DecimalMin("0") @DecimalMax("1") double reconcileMinReportShare,
                              @NotBlank String fullOverlayCron) {

    /**
     * A sales channel told levels over HTTP JSON (by the channel's route).
     *
     * @param url       where the levels are posted
     * @param token     a bearer token, if the channel wants one (from the environment)
     * @param timeoutMs how long a push may take to connect and to answer (the route's default: 10000)
     */
    public record Channel(@NotBlank String url, String token, Long timeoutMs) {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "Channel[url=" + url + ", token=" + Secrets.shown(token) + ", timeoutMs=" + timeoutMs + "]";
        }
    }

    /**
     * Units held back at a site, for one SKU or every SKU of the site.
     *
     * @param site  the site ({@code *}: every site)
     * @param sku   the SKU (none: every SKU of the site)
     * @param units the units held back
     */
    public record Buffer(String site, String sku, int units) {
    }

    /**
     * Peak mode: a level is pushed only when it crosses a threshold or moves by a large enough share.
     *
     * @param enabled        push only threshold crossings and large changes (also switched at run time: PUT
     *                       /api/mappings/stock-settings/peak-mode)
     * @param thresholds     levels whose crossing is always pushed (e.g. 0: sold out or back in stock)
     * @param minChangeShare a change of at least this share of what the channel was last told is always pushed
     */
    public record Peak(boolean enabled, @NotNull List<Integer> thresholds,
                       @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double minChangeShare) {
    }

    public StockProperties {
        // set to nothing, a map or list binds as null: no channels, no buffers
        channels = channels == null ? Map.of() : new TreeMap<>(channels);
        buffers = buffers == null ? List.of() : List.copyOf(buffers);
        defaultSite = defaultSite == null ? null : defaultSite.trim();
        adjPrefix = adjPrefix == null ? null : adjPrefix.trim();
    }
}
