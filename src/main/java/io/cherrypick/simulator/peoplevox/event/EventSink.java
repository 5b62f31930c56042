package io.cherrypick.simulator.peoplevox.event;

/** Receives warehouse events; implementations must not block (they are called while the warehouse is locked). */
@FunctionalInterface
public interface EventSink {
    void publish(WarehouseEvent event);
}
