package io.cherrypick.simulator.scenario;

import java.math.BigDecimal;

/** A pick-ticket line: one SKU (Blue Cherry tuple plus UPC) with its booked quantity. */
public record PickLine(
        int lineSeq,
        String style,
        String colorCode,
        String lblCode,
        String dimension,
        String sizeDesc,
        String upc,
        BigDecimal price,
        int bkQty,
        String location,
        String division) {
}
