package io.cherrypick.channel;

import java.util.List;

/**
 * A sales channel that is told stock levels (available to sell per SKU and site). Implementations send one call per
 * {@link #push} and throw {@link io.cherrypick.failure.ApiException} when the channel did not take the levels
 * (transient when trying again later can help); the stock flow retries with backoff.
 */
public interface StockChannel {
    /** The channel's name, as configured (it keys what the channel was last told). */
    String name();

    /** Sends the levels in one call. */
    void push(List<ChannelStockUpdate> updates);
}
