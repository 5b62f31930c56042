package io.cherrypick.simulator.channel;

import java.time.Instant;

/** One stock level as the integration pushes it: available quantity of a SKU at a site, as observed at a time. */
public record StockLevelUpdate(String sku, String site, Integer available, Instant observedAt) {
}
