package io.cherrypick.simulator.peoplevox.warehouse;

/**
 * Sales order states of the simulator, in their forward order. Only New, Despatched and Cancelled are names
 * confirmed by the reference (§9); the displayed names are configurable (statusNames).
 */
public enum OrderStatus {
    NEW("New"), ALLOCATED("Allocated"), PICKING("Picking"), PACKED("Packed"), DESPATCHED("Despatched"),
    CANCELLED("Cancelled");

    private final String defaultName;

    OrderStatus(String defaultName) {
        this.defaultName = defaultName;
    }

    public String defaultName() {
        return defaultName;
    }

    public boolean isBefore(OrderStatus other) {
        return ordinal() < other.ordinal();
    }
}
