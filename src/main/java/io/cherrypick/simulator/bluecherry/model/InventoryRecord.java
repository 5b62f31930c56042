package io.cherrypick.simulator.bluecherry.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cherrypick.simulator.bluecherry.BlueCherryState;

/**
 * One row of the invented read resource {@code GET /api/x-sim/inventory}: a SKU's stock at one location (its SKU tuple,
 * {@code upc}, {@code location}, {@code qoh} on hand, {@code quarantine}), as the control API's inventory shows it. No
 * public Blue Cherry API for reading stock is known; the setup audit reads this one (configurable).
 */
public record InventoryRecord(long pkey, Map<String, Object> fields) implements ServedRecord {

    /** Every stock row, numbered in the order the simulator holds them. */
    public static List<InventoryRecord> all(BlueCherryState state) {
        List<InventoryRecord> rows = new ArrayList<>();
        state.stock().forEach((key, stock) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("pkey", (long) rows.size() + 1);
            f.putAll(stock.render(key));
            rows.add(new InventoryRecord(rows.size() + 1, f));
        });
        return rows;
    }

    @Override
    public LocalDateTime lastMod() {
        return null;
    }

    @Override
    public Map<String, Object> headerView() {
        return new LinkedHashMap<>(fields);
    }

    @Override
    public Map<String, Object> render(boolean includeChildren) {
        return headerView();
    }
}
