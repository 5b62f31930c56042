package io.cherrypick.flow.item;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The item flow's checks before a SKU goes to Peoplevox ({@code cherrypick.flows.item}): required fields, the template's
 * lengths ({@code maxLengths} keys may end with {@code *}, a prefix), numeric fields, barcode check digits. The field
 * mapping is routes/mappings/item.yaml; schedules, sizes and retries of the block are read by the routes
 * (routes/item-master-to-wms.camel.yaml); the ItemCode strategy is {@code cherrypick.items.code-strategy} (shared with
 * the order flow).
 */
@ConfigurationProperties("cherrypick.flows.item")
public record ItemFlowProperties(List<String> requiredFields, Map<String, Integer> maxLengths, List<String> numericFields,
                                 Boolean checkBarcodes) {

    /** Peoplevox template limits (reference §8.2). */
    public static Map<String, Integer> defaultMaxLengths() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("ItemCode", 50);
        m.put("Name", 50);
        m.put("Barcode", 50);
        m.put("Description", 250);
        m.put("UnitOfMeasure", 10);
        m.put("Tags", 8000);
        m.put("Attribute*", 500);
        return m;
    }

    public ItemFlowProperties {
        if (requiredFields == null) {
            requiredFields = List.of("ItemCode", "Barcode", "Name");
        }
        maxLengths = maxLengths == null ? defaultMaxLengths() : new LinkedHashMap<>(maxLengths);
        if (numericFields == null) {
            numericFields = List.of("RetailPrice", "WholesalePrice", "BuyPrice", "Weight", "Height", "Width", "Depth");
        }
        if (checkBarcodes == null) {
            checkBarcodes = true;
        }
    }

    /** The defaults (as with nothing configured). */
    public static ItemFlowProperties defaults() {
        return new ItemFlowProperties(null, null, null, null);
    }

    /** The longest value Peoplevox takes in {@code field}, or -1 when no limit is configured. */
    public int maxLength(String field) {
        Integer exact = maxLengths.get(field);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Integer> e : maxLengths.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("*") && field.startsWith(key.substring(0, key.length() - 1))) {
                return e.getValue();
            }
        }
        return -1;
    }
}
