package io.cherrypick.flow.item;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The item flow's settings ({@code cherrypick.flows.item}). {@code fields} is the mapping: Peoplevox {@code Item types}
 * field → expression over the Blue Cherry style, style-detail and colour-size rows (see {@link FieldExpression}); a
 * configured map replaces the default as a whole. {@code maxLengths} keys may end with {@code *} (a prefix).
 * The ItemCode strategy itself is {@code cherrypick.items.code-strategy} (shared with the order flow).
 */
@ConfigurationProperties("cherrypick.flows.item")
public record ItemFlowProperties(boolean enabled, String pullCron, long sendInterval, int stylesPerRun, int maxAttempts,
                                 Duration retryBackoff, Duration staleClaimAfter, String driftCron,
                                 Map<String, String> fields, List<String> requiredFields, Map<String, Integer> maxLengths,
                                 List<String> numericFields, Boolean checkBarcodes) {

    /** The documented default mapping (docs/flow-item-master.md), in the order the CSV columns are written. */
    public static Map<String, String> defaultFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ItemCode", "item_code");
        f.put("Name", "{style_name} {color_code} {size_desc}");
        f.put("Barcode", "barcode");
        f.put("ItemGroup", "division");
        f.put("Description", "style_desc");
        f.put("RetailPrice", "retail_price");
        f.put("WholesalePrice", "wholesale_price");
        f.put("BuyPrice", "std_cost");
        f.put("Weight", "gar_wgt");
        f.put("DefaultSuppliersPartNumber", "third_party_item");
        f.put("Attribute1", "style");
        f.put("Attribute2", "color_code");
        f.put("Attribute3", "size_desc");
        f.put("Attribute4", "season");
        f.put("Attribute5", "division");
        f.put("Attribute6", "lbl_code");
        f.put("Attribute7", "dimension");
        return f;
    }

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
        if (pullCron == null) {
            pullCron = "0 0/5 * * * ?";
        }
        if (sendInterval <= 0) {
            sendInterval = 2000;
        }
        if (stylesPerRun <= 0) {
            stylesPerRun = 100;
        }
        if (maxAttempts <= 0) {
            maxAttempts = 5;
        }
        if (retryBackoff == null) {
            retryBackoff = Duration.ofSeconds(10);
        }
        if (staleClaimAfter == null) {
            staleClaimAfter = Duration.ofMinutes(10);
        }
        if (driftCron == null) {
            driftCron = "0 30 2 * * ?";
        }
        fields = fields == null || fields.isEmpty() ? defaultFields() : new LinkedHashMap<>(fields);
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
