package io.cherrypick.simulator.peoplevox.template;

import static io.cherrypick.simulator.peoplevox.template.FieldSpec.dateTime;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.decimal;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.integer;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.text;

import io.cherrypick.simulator.peoplevox.warehouse.Despatch;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only export templates of despatches (field lists assumed, the reference has none). */
final class DespatchTemplates {
    private DespatchTemplates() {
    }

    static List<Template> all() {
        return List.of(new Despatches(), new DespatchPackages());
    }

    private abstract static class ReadOnlyTemplate extends Template {
        ReadOnlyTemplate(String name, List<FieldSpec> fields, String referenceField) {
            super(name, fields, fields.stream().map(FieldSpec::name).toList(), referenceField);
        }

        @Override
        public boolean readOnly() {
            return true;
        }

        @Override
        public List<RowResult> save(Warehouse warehouse, List<ParsedRow> rows, int action) {
            throw new RequestRejectedException("Template '" + name() + "' is read-only and cannot be imported");
        }
    }

    /** Despatches: one row per despatch. */
    static final class Despatches extends ReadOnlyTemplate {
        Despatches() {
            super("Despatches", List.of(text("DespatchNumber"), text("SalesOrderNumber", 30), text("Carrier"),
                    text("ServiceType"), text("TrackingNumber"), dateTime("DespatchDate"), text("Site")),
                    "DespatchNumber");
        }

        @Override
        public List<Map<String, Object>> exportRows(Warehouse warehouse) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Despatch despatch : warehouse.despatches()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("DespatchNumber", despatch.despatchNumber());
                row.put("SalesOrderNumber", despatch.salesOrderNumber());
                row.put("Carrier", despatch.carrier());
                row.put("ServiceType", despatch.serviceType());
                row.put("TrackingNumber", despatch.trackingNumber());
                row.put("DespatchDate", despatch.despatchDate());
                row.put("Site", despatch.siteReference());
                rows.add(row);
            }
            return rows;
        }
    }

    /** Despatch packages: one row per package line. */
    static final class DespatchPackages extends ReadOnlyTemplate {
        DespatchPackages() {
            super("Despatch packages", List.of(text("DespatchNumber"), text("PackageNumber"), text("TrackingNumber"),
                    decimal("Weight"), text("ItemCode", 50), integer("Quantity")), "DespatchNumber");
        }

        @Override
        public List<Map<String, Object>> exportRows(Warehouse warehouse) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Despatch despatch : warehouse.despatches()) {
                for (Despatch.Package pkg : despatch.packages()) {
                    for (Despatch.PackageLine line : pkg.lines()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("DespatchNumber", despatch.despatchNumber());
                        row.put("PackageNumber", pkg.packageNumber());
                        row.put("TrackingNumber", pkg.trackingNumber());
                        row.put("Weight", pkg.weight());
                        row.put("ItemCode", line.itemCode());
                        row.put("Quantity", line.quantity());
                        rows.add(row);
                    }
                }
            }
            return rows;
        }
    }
}
