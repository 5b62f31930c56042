package io.cherrypick.flow.inbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The field-by-field difference between what Peoplevox holds of a purchase order and Blue Cherry's new revision. */
final class PurchaseOrderDiff {
    private PurchaseOrderDiff() {
    }

    /** One sentence per field that differs, e.g. {@code line 2 quantity: 10 -> 12}; empty when none does. */
    static List<String> between(Map<String, String> held, Map<String, String> now) {
        Set<String> fields = new LinkedHashSet<>(held.keySet());
        fields.addAll(now.keySet());
        List<String> differences = new ArrayList<>();
        for (String field : fields) {
            String before = held.get(field);
            String after = now.get(field);
            if (before == null) {
                differences.add(field + ": added '" + after + "'");
            } else if (after == null) {
                differences.add(field + ": removed (was '" + before + "')");
            } else if (!before.equals(after)) {
                differences.add(field + ": '" + before + "' -> '" + after + "'");
            }
        }
        return differences;
    }
}
