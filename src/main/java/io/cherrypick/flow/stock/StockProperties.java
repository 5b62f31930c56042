package io.cherrypick.flow.stock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The stock flow's settings ({@code cherrypick.flows.stock}) that its beans read; schedules, intervals, batch sizes and
 * retries are read by routes/stock-from-wms.camel.yaml straight from the same block.
 * <ul>
 * <li>{@code defaultSite}: the site of an event or report row that names none.</li>
 * <li>{@code channels}: per channel name, where levels go ({@code url}, optional bearer {@code token},
 * {@code timeout-ms}); each needs its templatedRoute of template stock-to-channel in the route file.
 * {@code channelWindow}: changes of a SKU within this window after the first go in one push;
 * {@code channelAlertAfter}: failed attempts before an exception shows the channel is down.</li>
 * <li>{@code bufferDefault}, {@code buffers}: safety stock held back from the channels (seeds mapping kind
 * {@code stock-buffer}); {@code peak}: peak mode (push only threshold crossings or large changes).</li>
 * <li>{@code refreshBatch}: levels read again per run after IncrementalChanges (at most 100, one report call).</li>
 * <li>{@code blueCherryBatchSize}, {@code adjPrefix}: rows per PhysicalInventoryTM POST and the adj_num prefix;
 * {@code skuRefreshEvery}: at most this often Blue Cherry's styles are read for an unknown SKU.</li>
 * </ul>
 */
@ConfigurationProperties("cherrypick.flows.stock")
public record StockProperties(boolean enabled, String defaultSite, Map<String, Channel> channels, Duration channelWindow,
                              int channelAlertAfter, int bufferDefault, List<Buffer> buffers, Peak peak, int refreshBatch,
                              int blueCherryBatchSize, String adjPrefix, Duration skuRefreshEvery) {

    /** A channel told over HTTP JSON (read by the channel's route). */
    public record Channel(String url, String token, Long timeoutMs) {
        public Channel {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("cherrypick.flows.stock.channels.<name>.url: every channel needs a url");
            }
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
        defaultSite = blank(defaultSite) ? "PrimarySite" : defaultSite.trim();
        channels = channels == null ? Map.of() : new TreeMap<>(channels);
        channelWindow = channelWindow == null ? Duration.ofSeconds(1) : channelWindow;
        channelAlertAfter = channelAlertAfter <= 0 ? 5 : channelAlertAfter;
        bufferDefault = Math.max(0, bufferDefault);
        buffers = buffers == null ? List.of() : List.copyOf(buffers);
        peak = peak == null ? new Peak(false, null, 0) : peak;
        refreshBatch = refreshBatch <= 0 || refreshBatch > 100 ? 100 : refreshBatch;
        blueCherryBatchSize = blueCherryBatchSize <= 0 ? 1000 : blueCherryBatchSize;
        adjPrefix = adjPrefix == null ? "PVX" : adjPrefix.trim();
        skuRefreshEvery = skuRefreshEvery == null ? Duration.ofMinutes(1) : skuRefreshEvery;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
