package io.cherrypick.flow.amend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.cherrypick.mapping.MappedRecord;

/**
 * What changed between the revision Peoplevox holds and a new one, compared on the Peoplevox side of the mapping
 * (routes/mappings/sales-order.yaml: part {@code header}, part {@code lines}), so a Blue Cherry field Peoplevox never
 * sees does not count as a change.
 * <p>
 * Peoplevox cannot delete sales-order lines. The rule: a reduced line is edited down; a removed line is edited to
 * quantity 0, which leaves it in Peoplevox with nothing to pick. Added lines are added.
 */
public record OrderDiff(Map<String, String[]> headerChanges, List<Map<String, String>> lineRows,
                        List<String> lineChanges) {
    /** The header field that carries the revision (not a change of its own). */
    public static final String REVISION_FIELD = "Attribute2";

    public static OrderDiff between(MappedRecord before, MappedRecord after) {
        Map<String, String[]> header = new LinkedHashMap<>();
        Map<String, String> was = before.row("header");
        Map<String, String> now = after.row("header");
        Set<String> fields = new LinkedHashSet<>(was.keySet());
        fields.addAll(now.keySet());
        for (String field : fields) {
            if (REVISION_FIELD.equals(field)) {
                continue;
            }
            String a = nullToEmpty(was.get(field));
            String b = nullToEmpty(now.get(field));
            if (!a.equals(b)) {
                header.put(field, new String[] {a, b});
            }
        }
        Map<String, Map<String, String>> oldLines = byLine(before.rows("lines"));
        Map<String, Map<String, String>> newLines = byLine(after.rows("lines"));
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : newLines.entrySet()) {
            Map<String, String> old = oldLines.get(e.getKey());
            if (old == null) {
                rows.add(e.getValue());
                described.add("line " + e.getKey() + " added: " + e.getValue().get("ItemCode") + " x " + e.getValue().get("QuantityOrdered"));
            } else if (!sameLine(old, e.getValue())) {
                rows.add(e.getValue());
                described.add("line " + e.getKey() + " changed: " + describe(old) + " -> " + describe(e.getValue()));
            }
        }
        for (Map.Entry<String, Map<String, String>> e : oldLines.entrySet()) {
            if (!newLines.containsKey(e.getKey())) {
                Map<String, String> zeroed = new LinkedHashMap<>(e.getValue());
                zeroed.put("QuantityOrdered", "0");
                rows.add(zeroed);
                described.add("line " + e.getKey() + " removed: " + describe(e.getValue()) + " -> quantity 0");
            }
        }
        return new OrderDiff(header, rows, described);
    }

    public boolean isEmpty() {
        return headerChanges.isEmpty() && lineRows.isEmpty();
    }

    /** A sentence per change, field by field, before and after. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        headerChanges.forEach((field, v) -> parts.add(field + ": '" + v[0] + "' -> '" + v[1] + "'"));
        parts.addAll(lineChanges);
        return String.join("; ", parts);
    }

    private static boolean sameLine(Map<String, String> a, Map<String, String> b) {
        return Objects.equals(a.get("ItemCode"), b.get("ItemCode")) && Objects.equals(a.get("QuantityOrdered"), b.get("QuantityOrdered"))
                && Objects.equals(a.get("SalePrice"), b.get("SalePrice"))
                && Objects.equals(a.get("RequestedDeliveryDate"), b.get("RequestedDeliveryDate"));
    }

    private static String describe(Map<String, String> line) {
        return line.get("ItemCode") + " x " + line.get("QuantityOrdered") + " @ " + line.get("SalePrice");
    }

    private static Map<String, Map<String, String>> byLine(List<Map<String, String>> lines) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        lines.forEach(l -> out.put(l.get("Line"), l));
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
