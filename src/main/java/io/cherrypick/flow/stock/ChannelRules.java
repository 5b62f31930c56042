package io.cherrypick.flow.stock;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cherrypick.store.ValueMappingStore;

/**
 * What a channel is told and when: available to sell = Peoplevox available minus the safety buffer (never below 0), and
 * whether a level is worth a push (normal mode: any change; peak mode: a threshold crossed or a large enough change).
 * <p>
 * Buffers live in mapping kind {@code stock-buffer} (editable at {@code /api/mappings/stock-buffer/{source}}): source
 * {@code <site>:<sku>} for one SKU at a site, {@code *:<sku>} for a SKU at every site, {@code <site>} for every SKU of a
 * site, {@code *} for everything; the most specific wins, in that order. Peak mode is the setting
 * {@code cherrypick.flows.stock.peak.enabled}, overridden at run time by mapping {@code stock-settings/peak-mode}
 * ({@code on}/{@code off}).
 */
@Component
public class ChannelRules {
    public static final String BUFFER_KIND = "stock-buffer";
    public static final String SETTINGS_KIND = "stock-settings";
    public static final String PEAK_MODE = "peak-mode";
    private static final Logger log = LoggerFactory.getLogger(ChannelRules.class);

    private final ValueMappingStore mappings;
    private final StockProperties props;

    public ChannelRules(ValueMappingStore mappings, StockProperties props) {
        this.mappings = mappings;
        this.props = props;
    }

    /** The rules as configured now (read once per push run). */
    public Rules current() {
        Map<String, String> buffers = mappings.all(BUFFER_KIND);
        String peak = mappings.lookup(SETTINGS_KIND, PEAK_MODE).orElse("").trim();
        boolean peakOn = peak.isEmpty() ? props.peak().enabled() : peak.equalsIgnoreCase("on") || peak.equalsIgnoreCase("true");
        return new Rules(buffers, props.bufferDefault(), peakOn, props.peak().thresholds(), props.peak().minChangeShare());
    }

    /** Buffers, default and peak mode of one moment. */
    public record Rules(Map<String, String> buffers, int defaultBuffer, boolean peakMode, List<Integer> thresholds,
                        double minChangeShare) {

        /** Units held back for a SKU at a site. */
        public int buffer(String itemCode, String site) {
            for (String source : new String[] {site + ":" + itemCode, "*:" + itemCode, site, "*"}) {
                String value = buffers.get(source);
                if (value != null) {
                    try {
                        return Math.max(0, Integer.parseInt(value.trim()));
                    } catch (NumberFormatException e) {
                        log.warn("mapping {}/{} = '{}' is not a whole number of units; ignored", BUFFER_KIND, source, value);
                    }
                }
            }
            return defaultBuffer;
        }

        /** Available to sell: Peoplevox available minus the buffer, never below 0. */
        public int availableToSell(String itemCode, String site, int available) {
            return Math.max(0, available - buffer(itemCode, site));
        }

        /** Whether the channel should be told {@code level}, having last been told {@code told} (null: never). */
        public boolean worthPushing(Integer told, int level) {
            if (told == null) {
                return true;
            }
            if (told == level) {
                return false;
            }
            if (!peakMode) {
                return true;
            }
            for (int threshold : thresholds) {
                if ((told <= threshold) != (level <= threshold)) {
                    return true;
                }
            }
            return Math.abs(level - told) >= minChangeShare * Math.max(1, told);
        }
    }
}
