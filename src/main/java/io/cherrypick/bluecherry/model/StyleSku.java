package io.cherrypick.bluecherry.model;

import java.math.BigDecimal;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Blue Cherry SKU as the style API gives it: the style header, the style-detail row
 * ({@code styledetail.rows[]}) and the colour-size row ({@code stylecolorsizes["rows-i"][]}) it comes from. The SKUs of
 * a style are {@link Style#getSkus()}.
 */
public record StyleSku(JsonNode style, JsonNode detail, JsonNode size) {

    /**
     * The colour-size row's hash: equal SKUs have equal rows, so it agrees with the record's equals. The default hashed
     * the whole style (every SKU carries it), and Camel hashes a step's body to look up how to call a method on it
     * ({@code ${body.isEmpty()}} on a style's SKUs): a tenth of the item sender's CPU.
     */
    @Override
    public int hashCode() {
        return size.hashCode();
    }

    public String styleCode() {
        return text(style, "style");
    }

    public String colorCode() {
        return text(size, "color_code");
    }

    public String lblCode() {
        return text(size, "lbl_code");
    }

    public String dimension() {
        return text(size, "dimension");
    }

    public String sizeDesc() {
        return text(size, "size_desc");
    }

    /** UPC, or EAN when the SKU has no UPC. */
    public String barcode() {
        String upc = text(size, "upc");
        return upc.isEmpty() ? text(size, "ean") : upc;
    }

    /** True when the two are the same Blue Cherry SKU (style, colour, label, dimension, size). */
    public boolean sameSku(String style, String color, String label, String dim, String sizeDesc) {
        return styleCode().equals(style) && colorCode().equals(color) && lblCode().equals(label)
                && dimension().equals(dim) && sizeDesc().equals(sizeDesc);
    }

    /** For people: {@code style 01234 colour BLK size M}, with label and dimension when the SKU has them. */
    public String describe() {
        return describe(styleCode(), colorCode(), lblCode(), dimension(), sizeDesc());
    }

    /** The SKU as exception messages name it: {@code Style 01234 colour BLK size M (ItemCode 012345678905)}. */
    public String label(String itemCode) {
        return "S" + describe().substring(1) + " (ItemCode " + (itemCode == null || itemCode.isEmpty() ? "none" : itemCode) + ")";
    }

    public static String describe(String style, String color, String label, String dim, String sizeDesc) {
        StringJoiner s = new StringJoiner(" ");
        s.add("style " + style).add("colour " + color);
        if (label != null && !label.isEmpty()) {
            s.add("label " + label);
        }
        if (dim != null && !dim.isEmpty()) {
            s.add("dimension " + dim);
        }
        return s.add("size " + sizeDesc).toString();
    }

    /**
     * A source field for the mapping: {@code style.x}, {@code detail.x} or {@code size.x} read one level; a plain name
     * is looked up on the colour-size row, then the style-detail row, then the style header. Null when absent.
     */
    public String value(String name) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            JsonNode level = switch (name.substring(0, dot)) {
                case "style" -> style;
                case "detail" -> detail;
                case "size" -> size;
                default -> null;
            };
            if (level != null) {
                return valueOf(level.path(name.substring(dot + 1)));
            }
        }
        for (JsonNode level : new JsonNode[] {size, detail, style}) {
            String v = valueOf(level.path(name));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Text of a JSON value; numbers without trailing zeros (48.00 → 48), so equal prices fingerprint equally. */
    static String valueOf(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            return null;
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return v.asText().trim();
    }

    static String text(JsonNode node, String field) {
        String v = valueOf(node.path(field));
        return v == null ? "" : v;
    }
}
