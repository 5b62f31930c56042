package io.cherrypick.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cherrypick.store.SyncedItemStore.SyncedItem;

/**
 * Where Peoplevox's item types and what Cherrypick last sent from Blue Cherry ({@code item_sku}) differ: an item
 * Peoplevox has that was never synced (made by hand), a mapped field whose value differs (edited in Peoplevox), and a
 * synced item Peoplevox no longer has. Deactivated items (key containing {@value #DEACTIVATED}) are not compared. Used by
 * the item flow's drift check; it only reports.
 */
public final class ItemDrift {
    /** What Peoplevox puts in the ItemCode of a deactivated item. */
    public static final String DEACTIVATED = "~D~";
    private static final String ITEM_CODE = "ItemCode";

    private ItemDrift() {
    }

    /** One difference, as reported. */
    public record Drift(String itemCode, String message, Map<String, String> peoplevox, Map<String, String> blueCherry) {
    }

    /** The differences between Peoplevox's rows and the synced rows, in Peoplevox's order, then the missing ones. */
    public static List<Drift> compare(List<Map<String, String>> peoplevoxItems, Map<String, SyncedItem> syncedByCode) {
        List<Drift> drifts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> exported = new HashSet<>(); // the columns Peoplevox gave: fields it does not export are not compared
        peoplevoxItems.forEach(row -> exported.addAll(row.keySet()));
        for (Map<String, String> row : peoplevoxItems) {
            String code = value(row.get(ITEM_CODE));
            if (code.isEmpty() || code.contains(DEACTIVATED)) {
                continue;
            }
            seen.add(code);
            SyncedItem item = syncedByCode.get(code);
            if (item == null) {
                drifts.add(new Drift(code, "Item " + code + " ('" + value(row.get("Name")) + "', barcode "
                        + value(row.get("Barcode")) + ") is in Peoplevox but was never synced from Blue Cherry:"
                        + " made by hand in Peoplevox?", row, null));
                continue;
            }
            List<String> differences = new ArrayList<>();
            item.mappedRow().forEach((field, sent) -> {
                if (!field.equals(ITEM_CODE) && exported.contains(field)
                        && !sameValue(sent, row.get(field))) {
                    differences.add(field + " is '" + value(row.get(field)) + "' in Peoplevox but '" + value(sent)
                            + "' in Blue Cherry");
                }
            });
            if (!differences.isEmpty()) {
                drifts.add(new Drift(code, "Item " + code + " (" + item.describe() + ") was edited in Peoplevox: "
                        + String.join("; ", differences), row, item.mappedRow()));
            }
        }
        syncedByCode.values().stream().filter(item -> !seen.contains(item.itemCode()))
                .sorted(Comparator.comparing(SyncedItem::itemCode))
                .forEach(item -> drifts.add(new Drift(item.itemCode(), "Item " + item.itemCode() + " (" + item.describe()
                        + ") was synced from Blue Cherry but is no longer in Peoplevox (deleted or deactivated there?)",
                        null, item.mappedRow())));
        return drifts;
    }

    /** Equal as text, or as numbers (48 = 48.00), or both empty. */
    public static boolean sameValue(String a, String b) {
        String x = value(a);
        String y = value(b);
        if (x.equals(y)) {
            return true;
        }
        try {
            return new BigDecimal(x).compareTo(new BigDecimal(y)) == 0;
        } catch (NumberFormatException notNumbers) {
            return x.equalsIgnoreCase(y) && (x.equalsIgnoreCase("true") || x.equalsIgnoreCase("false"));
        }
    }

    private static String value(String v) {
        return v == null ? "" : v.trim();
    }
}
