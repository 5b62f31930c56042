package io.cherrypick.simulator.bluecherry.model;

/**
 * Pick-ticket states and the {@code ord_status} code each shows on the API. Blue Cherry's real codes are unknown;
 * these are the simulator's documented assumption.
 */
public enum PickStatus {
    OPEN("O"), PARTIAL("P"), SHIPPED("S"), CLOSED("X"), VOID("V"), CANCELLED("C");

    private final String code;

    PickStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the warehouse may still ship against the pick. */
    public boolean isOpen() {
        return this == OPEN || this == PARTIAL;
    }
}
