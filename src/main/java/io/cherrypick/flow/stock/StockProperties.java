package io.cherrypick.flow.stock;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The stock flow's settings ({@code cherrypick.flows.stock}).
 * <ul>
 * <li>{@code inboxInterval} (ms): how often Peoplevox events are taken from the inbox; {@code claimSize}: events per run;
 * {@code defaultSite}: the site of an event that names none.</li>
 * <li>{@code channels}: where levels go (name, url, optional bearer token, timeout); {@code channelWindow}: changes of a
 * SKU within this window after the first go in one push; {@code channelInterval} (ms): how often due pushes are
 * looked for; {@code channelBatchSize}: levels per call; {@code channelRetryBackoff}/{@code channelRetryMax}: backoff
 * after a failed call (doubling, capped; never given up); {@code channelAlertAfter}: failed attempts before an
 * exception shows the channel is down.</li>
 * <li>{@code bufferDefault}, {@code buffers}: safety stock held back from the channels (seeds mapping kind
 * {@code stock-buffer}); {@code peak}: peak mode (push only threshold crossings or large changes).</li>
 * <li>{@code refreshCron}, {@code refreshBatch}: levels read again after IncrementalChanges.</li>
 * <li>{@code blueCherryCron}, {@code blueCherryBatchSize}, {@code adjPrefix}: the batched PhysicalInventoryTM overlay of
 * changed levels; {@code fullOverlayCron}: the nightly full overlay; {@code reconcileCron}: the reconciliation;
 * {@code skuRefreshEvery}: at most this often Blue Cherry's styles are read for an unknown SKU; {@code report}: the
 * Peoplevox report with every SKU and site.</li>
 * </ul>
 */
@ConfigurationProperties("cherrypick.flows.stock")
public record StockProperties(boolean enabled, long inboxInterval, int claimSize, Duration staleClaimAfter, String defaultSite,
                              List<Channel> channels, Duration channelWindow, long channelInterval, int channelBatchSize,
                              Duration channelRetryBackoff, Duration channelRetryMax, int channelAlertAfter,
                              int bufferDefault, List<Buffer> buffers, Peak peak, String refreshCron, int refreshBatch,
                              String blueCherryCron, int blueCherryBatchSize, String adjPrefix, String fullOverlayCron,
                              String reconcileCron, Duration skuRefreshEvery, String report) {

    /** A channel told over HTTP JSON. */
    public record Channel(String name, String url, String token, Duration timeout) {
        public Channel {
            if (name == null || name.isBlank() || url == null || url.isBlank()) {
                throw new IllegalArgumentException("cherrypick.flows.stock.channels[]: every channel needs a name and a url");
            }
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /** Units held back at a site, for one SKU ({@code sku} set) or every SKU of the site; site {@code *} = every site. */
    public record Buffer(String site, String sku, int units) {
    }

    /**
     * Peak mode: a level is pushed only when it crosses one of {@code thresholds} (e.g. 0 = sold out / back in stock) or
     * moves by at least {@code minChangeShare} of what the channel was last told.
     */
    public record Peak(boolean enabled, List<Integer> thresholds, double minChangeShare) {
        public Peak {
            thresholds = thresholds == null || thresholds.isEmpty() ? List.of(0, 5) : List.copyOf(thresholds);
            minChangeShare = minChangeShare <= 0 ? 0.25 : minChangeShare;
        }
    }

    public StockProperties {
        inboxInterval = inboxInterval <= 0 ? 100 : inboxInterval;
        claimSize = claimSize <= 0 ? 1000 : claimSize;
        staleClaimAfter = staleClaimAfter == null ? Duration.ofMinutes(2) : staleClaimAfter;
        defaultSite = blank(defaultSite) ? "PrimarySite" : defaultSite.trim();
        channels = channels == null ? List.of() : List.copyOf(channels);
        channelWindow = channelWindow == null ? Duration.ofSeconds(1) : channelWindow;
        channelInterval = channelInterval <= 0 ? 200 : channelInterval;
        channelBatchSize = channelBatchSize <= 0 ? 100 : channelBatchSize;
        channelRetryBackoff = channelRetryBackoff == null ? Duration.ofSeconds(1) : channelRetryBackoff;
        channelRetryMax = channelRetryMax == null ? Duration.ofMinutes(5) : channelRetryMax;
        channelAlertAfter = channelAlertAfter <= 0 ? 5 : channelAlertAfter;
        bufferDefault = Math.max(0, bufferDefault);
        buffers = buffers == null ? List.of() : List.copyOf(buffers);
        peak = peak == null ? new Peak(false, null, 0) : peak;
        refreshCron = blank(refreshCron) ? "0/5 * * * * ?" : refreshCron;
        refreshBatch = refreshBatch <= 0 || refreshBatch > 100 ? 100 : refreshBatch;
        blueCherryCron = blank(blueCherryCron) ? "0 0/15 * * * ?" : blueCherryCron;
        blueCherryBatchSize = blueCherryBatchSize <= 0 ? 1000 : blueCherryBatchSize;
        adjPrefix = adjPrefix == null ? "PVX" : adjPrefix.trim();
        fullOverlayCron = blank(fullOverlayCron) ? "0 30 2 * * ?" : fullOverlayCron;
        reconcileCron = blank(reconcileCron) ? "0 10 * * * ?" : reconcileCron;
        skuRefreshEvery = skuRefreshEvery == null ? Duration.ofMinutes(1) : skuRefreshEvery;
        report = blank(report) ? "Item inventory summary" : report.trim();
        long names = channels.stream().map(Channel::name).distinct().count();
        if (names != channels.size()) {
            throw new IllegalArgumentException("cherrypick.flows.stock.channels[]: channel names must be unique");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
