package io.cherrypick.simulator.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sales-channel receiver ({@code cherrypick.simulator.channel.*}).
 *
 * @param token        bearer token the receiver demands when set; empty accepts every caller
 * @param historyLimit received updates kept in the history (older ones are dropped; the counters keep counting)
 * @param callLogLimit calls kept in the call log (older ones are dropped; the counters keep counting)
 * @param honoursObservedAt true: an update observed before the level held is kept in the history only (stale); false:
 *                     every update sets the level, whatever it held, as a channel that takes a plain "set the level"
 *                     does (then a call applied late, after its caller gave up, overwrites a newer level)
 */
@ConfigurationProperties("cherrypick.simulator.channel")
public record ChannelSimulatorProperties(
        @DefaultValue("") String token,
        @DefaultValue("100000") int historyLimit,
        @DefaultValue("10000") int callLogLimit,
        @DefaultValue("true") boolean honoursObservedAt) {

    public ChannelSimulatorProperties {
        token = token == null ? "" : token;
        if (historyLimit < 1 || callLogLimit < 1) {
            throw new IllegalArgumentException("cherrypick.simulator.channel.history-limit and call-log-limit must be at least 1");
        }
    }
}
