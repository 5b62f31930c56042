package io.cherrypick.flow.stock;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.channel.HttpJsonStockChannel;
import io.cherrypick.channel.StockChannel;
import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.store.ValueMappingStore;

/**
 * The stock flow's wiring: the Peoplevox events it consumes (AvailabilityChanges, IncrementalChanges, stored in the inbox
 * of flow {@code stock} by the shared webhook), the configured channels, and the configured safety buffers seeded into
 * mapping kind {@code stock-buffer}.
 */
@Configuration
public class StockFlow implements InitializingBean {
    public static final String FLOW = "stock";
    public static final String INBOX_ROUTE = "stock-inbox";
    public static final String REFRESH_ROUTE = "stock-refresh";
    public static final String CHANNEL_ROUTE = "stock-to-channels";
    public static final String BLUE_CHERRY_ROUTE = "stock-to-blue-cherry";
    public static final String FULL_OVERLAY_ROUTE = "stock-full-overlay";
    public static final String RECONCILE_ROUTE = "stock-reconciliation";

    static final String AVAILABILITY_CHANGES = "AvailabilityChanges";
    static final String INCREMENTAL_CHANGES = "IncrementalChanges";

    private final StockProperties props;
    private final ValueMappingStore mappings;

    public StockFlow(StockProperties props, ValueMappingStore mappings) {
        this.props = props;
        this.mappings = mappings;
    }

    /**
     * Availability per SKU and site. Only ItemCode and Available are documented placeholders; the others are asked for
     * and used when Peoplevox fills them. The key holds every value, so a repeated delivery is stored once and two
     * different levels in the same second are both kept.
     */
    @Bean
    EventSpec stockAvailabilityEvents() {
        List<String> fields = List.of("ItemCode", "Available", "SiteReference", "OnHand", "Allocated", "LastModificationTime");
        return new EventSpec(AVAILABILITY_CHANGES, FLOW, fields, List.of("ItemCode", "Available"), fields, props.enabled());
    }

    /** On hand movements (a despatch moves on hand but not availability): the level is read again. */
    @Bean
    EventSpec stockIncrementalEvents() {
        List<String> fields = List.of("ItemType.ItemCode", "SiteReference", "QuantityChanged", "UpdateTimestamp", "Reason");
        return new EventSpec(INCREMENTAL_CHANGES, FLOW, fields, List.of("ItemType.ItemCode"), fields, props.enabled());
    }

    /** The channels told about stock, as configured (HTTP JSON). */
    @Bean
    StockChannels stockChannels(ObjectMapper json) {
        return new StockChannels(props.channels().stream().<StockChannel>map(c -> new HttpJsonStockChannel(c.name(),
                c.url(), c.token(), c.timeout(), json)).toList());
    }

    /** The configured channels, in configuration order. */
    public record StockChannels(List<StockChannel> all) {
        public List<String> names() {
            return all.stream().map(StockChannel::name).toList();
        }
    }

    /** Runs before any route starts, so the first push already sees the configured buffers. */
    @Override
    public void afterPropertiesSet() {
        for (StockProperties.Buffer b : props.buffers()) {
            String site = b.site() == null || b.site().isBlank() ? "*" : b.site().trim();
            String source = b.sku() == null || b.sku().isBlank() ? site : site + ":" + b.sku().trim();
            mappings.putIfAbsent(ChannelRules.BUFFER_KIND, source, Integer.toString(Math.max(0, b.units())));
        }
    }
}
