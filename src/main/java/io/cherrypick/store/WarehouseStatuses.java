package io.cherrypick.store;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cherrypick.store.LifecycleState;

/**
 * Which lifecycle states a warehouse signal may move a pick from. The lifecycle only moves forward: released to
 * Peoplevox, then allocated, picking, despatched, confirmed in Blue Cherry; a cancellation applies until the pick is
 * despatched. So a late "Allocated" cannot undo "Picking", and a "Packed" after a part despatch cannot undo "Despatched".
 */
public final class WarehouseStatuses {
    /** Forward order; states before RELEASED_TO_PEOPLEVOX are Cherrypick's own, a warehouse signal may still follow them. */
    private static final List<LifecycleState> ORDER = List.of(LifecycleState.QUEUED_IN_CHERRYPICK,
            LifecycleState.HELD_IN_BLUE_CHERRY, LifecycleState.RELEASED_TO_PEOPLEVOX, LifecycleState.ACKNOWLEDGED,
            LifecycleState.ALLOCATED, LifecycleState.PICKING, LifecycleState.DESPATCHED,
            LifecycleState.CONFIRMED_IN_BLUE_CHERRY);

    private WarehouseStatuses() {
    }

    /** The states a pick may be in for a move to {@code target} to apply. */
    public static Set<LifecycleState> movableTo(LifecycleState target) {
        Set<LifecycleState> from = EnumSet.noneOf(LifecycleState.class);
        int limit = target == LifecycleState.CANCELLED ? ORDER.indexOf(LifecycleState.DESPATCHED) : ORDER.indexOf(target);
        for (int i = 0; i < limit; i++) {
            from.add(ORDER.get(i));
        }
        return from;
    }

    /** The lifecycle state for a Peoplevox status name (matched without regard to case), if it has one. */
    public static Optional<LifecycleState> stateFor(Map<String, LifecycleState> names, String statusName) {
        if (statusName == null) {
            return Optional.empty();
        }
        return names.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(statusName.trim()))
                .map(Map.Entry::getValue).findFirst();
    }
}
