package io.cherrypick.simulator.bluecherry.posting;

import java.time.LocalDateTime;

import io.cherrypick.simulator.bluecherry.BlueCherryState;
import io.cherrypick.simulator.bluecherry.SimulatorSettings;
import io.cherrypick.simulator.bluecherry.model.Timestamps;

/** What a posting works against: the state, the current settings and the simulator time of the call. */
public record PostingContext(BlueCherryState state, SimulatorSettings settings, LocalDateTime now) {
    String nowText() {
        return Timestamps.format(now);
    }
}
