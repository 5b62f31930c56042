package io.cherrypick.simulator.bluecherry.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cherrypick.simulator.bluecherry.BlueCherryState;

/**
 * The rows of the invented read resource {@code GET /api/x-sim/inventory}: a SKU's stock at one location (its SKU tuple,
 * {@code upc}, {@code location}, {@code qoh} on hand, {@code quarantine}), as the control API's inventory shows it, each
 * a flat record. No public Blue Cherry API for reading stock is known; the setup audit reads this one (configurable).
 */
public final class InventoryRows {
    private InventoryRows() {
    }

    /** Every stock row, numbered in the order the simulator holds them. */
    public static List<LookupRecord> all(BlueCherryState state) {
        List<LookupRecord> rows = new ArrayList<>();
        state.stock().forEach((key, stock) -> {
            long pkey = rows.size() + 1;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("pkey", pkey);
            f.putAll(stock.render(key));
            rows.add(new LookupRecord(pkey, f.get("upc") + "@" + f.get("location"), f));
        });
        return rows;
    }
}
