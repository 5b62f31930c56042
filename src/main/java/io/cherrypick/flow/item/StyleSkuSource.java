package io.cherrypick.flow.item;

import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.mapping.MappingSource;
import io.cherrypick.mapping.MappingSourceAdapter;

/**
 * How a mapping reads one SKU of a Blue Cherry style ({@code source: style-sku} in routes/mappings): a field by name
 * from the colour-size row, else the style-detail row, else the style header; {@code style.x}, {@code detail.x},
 * {@code size.x} one level only; {@code item_code} the Peoplevox ItemCode by the configured strategy (the order flow
 * computes the same for a pick line) and {@code barcode} the UPC, else the EAN. Absent fields are null (left out).
 */
@Component
public class StyleSkuSource implements MappingSourceAdapter {
    private final ItemCodes itemCodes;

    public StyleSkuSource(ItemCodes itemCodes) {
        this.itemCodes = itemCodes;
    }

    @Override
    public MappingSource adapt(Object body) {
        if (!(body instanceof StyleSku sku)) {
            throw new IllegalArgumentException("the message is not one SKU of a Blue Cherry style but "
                    + (body == null ? "empty" : body.getClass().getSimpleName()) + "; split the style's skus first");
        }
        return name -> switch (name) {
            case "item_code" -> itemCodes.itemCode(sku.size(), sku.styleCode());
            case "barcode" -> sku.barcode();
            default -> sku.value(name);
        };
    }

    /** item_code depends on the code strategy and its separator. */
    @Override
    public String settings() {
        return itemCodes.settings();
    }

    /** The name mapping files give this source ({@code source: style-sku}). */
    @Override
    public String name() {
        return "style-sku";
    }
}
