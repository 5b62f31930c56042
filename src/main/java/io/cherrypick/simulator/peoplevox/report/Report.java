package io.cherrypick.simulator.peoplevox.report;

import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A system report: its display-name columns (in default order) and how its rows are built. */
record Report(String name, List<String> columns, Function<Warehouse, List<Map<String, Object>>> rows) {

    /** The column by display name, ignoring case and brackets; null when unknown. */
    String column(String name) {
        String bare = name.trim();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1).trim();
        }
        for (String column : columns) {
            if (column.equalsIgnoreCase(bare)) {
                return column;
            }
        }
        return null;
    }
}
