package io.cherrypick.channel;

import java.time.Instant;

/** One level told to a channel: units available to sell of a SKU at a site, as Peoplevox observed them at a time. */
public record ChannelStockUpdate(String sku, String site, int available, Instant observedAt) {
}
