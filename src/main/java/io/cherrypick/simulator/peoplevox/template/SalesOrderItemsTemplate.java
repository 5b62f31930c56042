package io.cherrypick.simulator.peoplevox.template;

import static io.cherrypick.simulator.peoplevox.template.FieldSpec.dateTime;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.decimal;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.integer;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.text;

import io.cherrypick.simulator.peoplevox.warehouse.OrderStatus;
import io.cherrypick.simulator.peoplevox.warehouse.Record;
import io.cherrypick.simulator.peoplevox.warehouse.SalesOrder;
import io.cherrypick.simulator.peoplevox.warehouse.SalesOrderLine;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sales order items: lines keyed by SalesOrderNumber + Line (or + ItemCode without Line). The lines of one order
 * in one call are saved together or not at all. Lines are added or edited, never removed, and only while the
 * order is New.
 */
final class SalesOrderItemsTemplate extends Template {
    static final String NAME = "Sales order items";

    SalesOrderItemsTemplate() {
        super(NAME, fields(), List.of("SalesOrderNumber", "ItemCode", "QuantityOrdered", "RequestedDeliveryDate",
                "Line", "Sequence", "SalePrice"), "SalesOrderNumber");
    }

    private static List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>(List.of(text("SalesOrderNumber", 30), text("ItemCode", 50),
                integer("QuantityOrdered"), dateTime("RequestedDeliveryDate"), text("Line", 16), integer("Sequence"),
                decimal("SalePrice")));
        fields.addAll(FieldSpec.attributes(3));
        return fields;
    }

    @Override
    public List<Map<String, Object>> exportRows(Warehouse warehouse) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SalesOrder order : warehouse.orders()) {
            for (SalesOrderLine line : order.lines()) {
                Map<String, Object> row = new LinkedHashMap<>(line.fields().values());
                row.put("SalesOrderNumber", order.number());
                rows.add(row);
            }
        }
        return rows;
    }

    /** A line as it will look after this call: an existing line (or null for a new one) and its new fields. */
    private record LineDraft(SalesOrderLine existing, Record fields) {
    }

    @Override
    public List<RowResult> save(Warehouse warehouse, List<ParsedRow> rows, int action) {
        Map<Integer, RowResult> results = new LinkedHashMap<>();
        Map<String, List<ParsedRow>> rowsByOrder = new LinkedHashMap<>();
        for (ParsedRow row : rows) {
            String number = row.error() == null ? row.text("SalesOrderNumber") : row.reference();
            if (number == null || number.isEmpty()) {
                results.put(row.number(), RowResult.failed(row,
                        row.error() != null ? row.error() : "SalesOrderNumber is required"));
            } else if (action == 2) {
                results.put(row.number(), RowResult.failed(row, "Sales order lines cannot be removed"));
            } else {
                rowsByOrder.computeIfAbsent(number, key -> new ArrayList<>()).add(row);
            }
        }
        Set<SalesOrder> toAllocate = new LinkedHashSet<>();
        rowsByOrder.forEach((number, orderRows) -> saveOrderLines(warehouse, number, orderRows, action, results,
                toAllocate));
        if (action == 0) {
            toAllocate.forEach(warehouse::tryAutoAllocate);
        }
        return rows.stream().map(row -> results.get(row.number())).toList();
    }

    private void saveOrderLines(Warehouse warehouse, String number, List<ParsedRow> orderRows, int action,
            Map<Integer, RowResult> results, Set<SalesOrder> toAllocate) {
        SalesOrder order = warehouse.order(number);
        String orderError = null;
        if (order == null) {
            orderError = "Sales order '" + number + "' does not exist";
        } else if (order.status() != OrderStatus.NEW) {
            orderError = "Sales order '" + number + "' is " + warehouse.settings().statusName(order.status())
                    + "; its lines can no longer be changed";
        }
        List<LineDraft> drafts = new ArrayList<>();
        Map<Integer, String> errors = new LinkedHashMap<>();
        for (ParsedRow row : orderRows) {
            String error = row.error() != null ? row.error()
                    : orderError != null ? orderError
                    : draftLine(warehouse, order, drafts, row);
            if (error != null) {
                errors.put(row.number(), error);
            }
        }
        if (!errors.isEmpty()) {
            int firstFailed = errors.keySet().iterator().next();
            for (ParsedRow row : orderRows) {
                String error = errors.getOrDefault(row.number(), "not saved because row " + firstFailed
                        + " of the same sales order failed");
                results.put(row.number(), RowResult.failed(row, error));
            }
            return;
        }
        for (LineDraft draft : drafts) {
            if (draft.existing() == null) {
                warehouse.addLine(order, draft.fields());
            } else {
                draft.existing().fields().replaceWith(draft.fields());
            }
        }
        warehouse.touch(order);
        if (action == 1) {
            warehouse.holdAllocation(order);
        }
        toAllocate.add(order);
        orderRows.forEach(row -> results.put(row.number(), RowResult.saved(row)));
    }

    /** Applies the row to the matching draft (or a new one) and validates it; returns the error or null. */
    private String draftLine(Warehouse warehouse, SalesOrder order, List<LineDraft> drafts, ParsedRow row) {
        String lineNumber = row.text("Line");
        String itemCode = row.text("ItemCode");
        if (lineNumber == null && itemCode == null) {
            return "ItemCode is required";
        }
        LineDraft draft = drafts.stream().filter(d -> matches(d.fields(), lineNumber, itemCode)).findFirst()
                .orElse(null);
        if (draft == null) {
            SalesOrderLine existing = order.lines().stream()
                    .filter(line -> matches(line.fields(), lineNumber, itemCode)).findFirst().orElse(null);
            draft = new LineDraft(existing, existing == null ? new Record() : existing.fields().copy());
        }
        Record merged = draft.fields().copy();
        row.values().forEach(merged::put);
        merged.put("SalesOrderNumber", order.number());
        String mergedItem = merged.text("ItemCode");
        if (mergedItem == null) {
            return "ItemCode is required";
        }
        if (warehouse.item(mergedItem) == null) {
            return "ItemCode '" + mergedItem + "' does not exist";
        }
        if (merged.get("QuantityOrdered") == null) {
            return "QuantityOrdered is required";
        }
        // assumed: a new line needs a quantity; an existing line may be edited down to 0 (nothing left to pick),
        // which is how a line is taken out of an order, since lines cannot be deleted
        int quantity = merged.integer("QuantityOrdered", 0);
        if (quantity < 0 || (quantity == 0 && draft.existing() == null)) {
            return draft.existing() == null ? "QuantityOrdered must be greater than 0"
                    : "QuantityOrdered cannot be negative";
        }
        if (!drafts.contains(draft)) {
            drafts.add(draft);
        }
        draft.fields().replaceWith(merged);
        return null;
    }

    private static boolean matches(Record line, String lineNumber, String itemCode) {
        return lineNumber != null ? lineNumber.equals(line.text("Line")) : itemCode.equals(line.text("ItemCode"));
    }
}
