package io.cherrypick.simulator.channel;

import java.time.Instant;

/**
 * One call to {@code POST /sim/channel/stock-levels} as the channel answered it: {@code status} 200 with the
 * accepted/stale split, or the refusal (400, 401, an injected 5xx or 429). {@code fault} names the injected fault
 * type, if any; {@code error} the reason for a refusal.
 */
public record ChannelCall(long call, Instant receivedAt, int status, int updates, int accepted, int stale,
                          String fault, String error) {
}
