package io.cherrypick.simulator.scenario;

import java.math.BigDecimal;

/**
 * One sellable SKU of the demo catalogue: a style in one colour, label, dimension and size, with its barcodes.
 * Blue Cherry keys it by the tuple style | color_code | lbl_code | dimension | size_desc; Peoplevox by the UPC.
 */
public record CatalogueSku(
        String style,
        String styleName,
        String division,
        String colorCode,
        String colorName,
        String lblCode,
        String dimension,
        String sizeDesc,
        String upc,
        String ean,
        BigDecimal price,
        BigDecimal weight) {

    /** Peoplevox limits item names to 50 characters. */
    public static final int PEOPLEVOX_NAME_LIMIT = 50;

    /**
     * Name for the warehouse: style name, colour and size (waist x inseam when the SKU has a dimension),
     * shortening the style name, never the colour or size, to stay within {@value #PEOPLEVOX_NAME_LIMIT} characters.
     */
    public String peoplevoxName() {
        String size = dimension.isEmpty() ? sizeDesc : sizeDesc + "x" + dimension;
        String suffix = " " + colorName + " " + size;
        int room = PEOPLEVOX_NAME_LIMIT - suffix.length();
        String head = styleName.length() <= room ? styleName : styleName.substring(0, Math.max(room, 0)).trim();
        return (head + suffix).trim();
    }
}
