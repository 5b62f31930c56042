package io.cherrypick.simulator.scenario;

/** What the scenario has done so far, as shown by {@code GET /sim/scenario/_control/state}. */
public record ScenarioState(
        boolean running,
        long seed,
        int styles,
        int skus,
        boolean catalogueInBlueCherry,
        boolean itemsInPeoplevox,
        long orderTicks,
        long warehouseTicks,
        long picksCreated,
        long picksWithUnknownSku,
        long picksAtUnmappedLocation,
        long ordersAdvanced,
        long ordersDespatched,
        long stockMovements,
        long returnsAuthorised,
        long returnsReceived,
        int returnsAwaitingReceipt,
        long failedCalls,
        String lastOrderTick,
        String lastWarehouseTick,
        String lastError) {
}
