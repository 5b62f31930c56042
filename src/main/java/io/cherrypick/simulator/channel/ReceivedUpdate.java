package io.cherrypick.simulator.channel;

import java.time.Instant;

/**
 * An update in the channel's history: every received update is kept, also a stale one (observed before the
 * level already held, so it did not overwrite it). {@code call} is the number of the call that carried it.
 */
public record ReceivedUpdate(long call, String sku, String site, int available, Instant observedAt, Instant receivedAt,
                             boolean stale) {
}
