package io.cherrypick.store;

/**
 * Where a pick ticket is. "Held in Blue Cherry" means Cherrypick will not send it until a person fixes the cause;
 * "released to Peoplevox" means it was sent; the warehouse states follow Peoplevox's status.
 */
public enum LifecycleState {
    QUEUED_IN_CHERRYPICK,
    HELD_IN_BLUE_CHERRY,
    RELEASED_TO_PEOPLEVOX,
    ACKNOWLEDGED,
    ALLOCATED,
    PICKING,
    DESPATCHED,
    CONFIRMED_IN_BLUE_CHERRY,
    CANCELLED,
    /** Not sent on purpose: a step of the flow's route skipped it (the note says why). */
    SKIPPED;

    /** Peoplevox moves the pick in its warehouse (its status events said so): allocated, picking, despatched, confirmed. */
    public boolean movedInWarehouse() {
        return switch (this) {
            case ALLOCATED, PICKING, DESPATCHED, CONFIRMED_IN_BLUE_CHERRY -> true;
            default -> false;
        };
    }
}
