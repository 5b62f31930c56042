package io.cherrypick.simulator.bluecherry.posting;

import java.util.List;

/** Result of a POST: accepted with the transaction's pkey, or refused with one message per violation. */
public sealed interface PostOutcome {
    record Accepted(long pkey) implements PostOutcome {
    }

    record Rejected(List<String> messages) implements PostOutcome {
    }
}
