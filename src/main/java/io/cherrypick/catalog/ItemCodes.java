package io.cherrypick.catalog;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/** The one place that turns a Blue Cherry SKU (a pick line, a style colour-size row) into a Peoplevox ItemCode. */
@Component
public class ItemCodes {
    private final ItemProperties props;

    public ItemCodes(ItemProperties props) {
        this.props = props;
    }

    /** The settings an ItemCode is made by (strategy and separator). */
    public String settings() {
        return props.toString();
    }

    public ItemProperties.CodeStrategy strategy() {
        return props.codeStrategy();
    }

    /** The ItemCode for a SKU record carrying {@code upc} (or {@code upc_num}) and the style/colour/label/dimension/size tuple. */
    public String itemCode(JsonNode sku, String style) {
        if (props.codeStrategy() == ItemProperties.CodeStrategy.UPC) {
            String upc = text(sku, "upc");
            return upc.isEmpty() ? text(sku, "upc_num") : upc;
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {style, text(sku, "color_code"), text(sku, "lbl_code"), text(sku, "dimension"),
                text(sku, "size_desc")}) {
            if (part != null && !part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return String.join(props.separator(), parts);
    }

    /** The field a person must fill for {@link #itemCode} to have a value. */
    public String sourceFieldName() {
        return props.codeStrategy() == ItemProperties.CodeStrategy.UPC ? "upc" : "style/color_code/size_desc";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText().trim();
    }
}
