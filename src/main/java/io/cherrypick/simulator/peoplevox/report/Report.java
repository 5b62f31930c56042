package io.cherrypick.simulator.peoplevox.report;

import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A system report: its display-name columns (in default order), the columns a tenant may add to it ({@code extraColumns},
 * e.g. package detail), and how its rows are built for the columns it has.
 */
record Report(String name, List<String> columns, List<String> extraColumns,
              BiFunction<Warehouse, List<String>, List<Map<String, Object>>> builder) {

    Report(String name, List<String> columns, Function<Warehouse, List<Map<String, Object>>> rows) {
        this(name, columns, List.of(), (warehouse, ignored) -> rows.apply(warehouse));
    }

    /** The rows of this report, as its columns ask. */
    List<Map<String, Object>> rows(Warehouse warehouse) {
        return builder.apply(warehouse, columns);
    }

    /** The report as a tenant set it up: these columns (known ones, default or extra), in this order. */
    Report withColumns(List<String> chosen) {
        List<String> known = new java.util.ArrayList<>(columns);
        known.addAll(extraColumns);
        List<String> resolved = new java.util.ArrayList<>();
        for (String name : chosen) {
            String column = known.stream().filter(c -> c.equalsIgnoreCase(name.trim())).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("Report '" + this.name + "' has no column '" + name + "' (known: "
                            + String.join(", ", known) + ")"));
            resolved.add(column);
        }
        return new Report(name, List.copyOf(resolved), extraColumns, builder);
    }

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
