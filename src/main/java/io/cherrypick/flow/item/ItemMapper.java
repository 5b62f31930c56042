package io.cherrypick.flow.item;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.cherrypick.catalog.ItemCodes;

/**
 * A Blue Cherry SKU to a Peoplevox {@code Item types} row, by the configured field mapping
 * ({@code cherrypick.flows.item.fields}), and the row's fingerprint. {@code item_code} is the ItemCode of the configured
 * strategy ({@link ItemCodes}: UPC or style-colour-label-dimension-size); {@code barcode} is the UPC, else the EAN.
 */
@Component
public class ItemMapper {
    public static final String ITEM_CODE = "ItemCode";

    private final ItemCodes itemCodes;
    private final Map<String, FieldExpression> expressions = new LinkedHashMap<>();

    public ItemMapper(ItemCodes itemCodes, ItemFlowProperties props) {
        this.itemCodes = itemCodes;
        props.fields().forEach((field, expression) -> expressions.put(field, FieldExpression.parse(field, expression)));
        if (!expressions.containsKey(ITEM_CODE)) {
            throw new IllegalArgumentException("cherrypick.flows.item.fields must map ItemCode (e.g. ItemCode: item_code)");
        }
    }

    /** The Peoplevox row, field → value, in mapping order; fields whose sources are absent are left out. */
    public Map<String, String> map(StyleSku sku) {
        Map<String, String> row = new LinkedHashMap<>();
        expressions.forEach((field, expression) -> {
            String value = expression.evaluate(name -> source(sku, name));
            if (value != null) {
                row.put(field, value);
            }
        });
        return row;
    }

    /** The ItemCode of a SKU by the configured strategy (empty when its source field is empty). */
    public String itemCode(StyleSku sku) {
        return itemCodes.itemCode(sku.size(), sku.styleCode());
    }

    private String source(StyleSku sku, String name) {
        return switch (name) {
            case "item_code" -> itemCode(sku);
            case "barcode" -> sku.barcode();
            default -> sku.value(name);
        };
    }

    /**
     * SHA-256 (hex) of the row, fields in row order, each name and value prefixed with its length so that no two
     * different rows read the same: equal rows, equal fingerprints.
     */
    public static String fingerprint(Map<String, String> row) {
        StringBuilder canonical = new StringBuilder();
        row.forEach((field, value) -> canonical.append(field.length()).append(':').append(field)
                .append(value.length()).append(':').append(value));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
