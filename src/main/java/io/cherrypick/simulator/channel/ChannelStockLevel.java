package io.cherrypick.simulator.channel;

import java.time.Instant;

/** The level the channel holds for a SKU at a site, with when it was observed and when the channel received it. */
public record ChannelStockLevel(String sku, String site, int available, Instant observedAt, Instant receivedAt) {
}
