package io.cherrypick.store;

import java.util.List;

/**
 * Where a return authorisation is, in the order it gets there. Moves only forward; a record of the return that waits for
 * a person shows as the authorisation's {@code exceptionOpen} flag, not as a state.
 */
public enum ReturnState {
    /** Pulled from Blue Cherry, not (yet) known to Peoplevox. */
    AUTHORISED,
    /** Peoplevox accepted the expected return rows. */
    EXPECTED_IN_PEOPLEVOX,
    /** Peoplevox booked in goods against it. */
    RECEIVED,
    /** Blue Cherry accepted a return receipt for it. */
    CONFIRMED_IN_BLUE_CHERRY,
    /** Blue Cherry had already closed it when Cherrypick first saw it: nothing to expect. */
    CLOSED_IN_BLUE_CHERRY;

    /** The states from which a move to this one is forward. */
    List<ReturnState> before() {
        return switch (this) {
            case AUTHORISED, CLOSED_IN_BLUE_CHERRY -> List.of();
            case EXPECTED_IN_PEOPLEVOX -> List.of(AUTHORISED);
            case RECEIVED -> List.of(AUTHORISED, EXPECTED_IN_PEOPLEVOX, CLOSED_IN_BLUE_CHERRY);
            case CONFIRMED_IN_BLUE_CHERRY -> List.of(AUTHORISED, EXPECTED_IN_PEOPLEVOX, RECEIVED, CLOSED_IN_BLUE_CHERRY);
        };
    }
}
