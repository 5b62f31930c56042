package io.cherrypick.bluecherry.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/** A pick ticket line (a {@code pickdetail} row): one SKU of a style, a quantity and a price. */
public final class PickLine extends JsonRecord {
    private final Pick pick;

    PickLine(JsonNode json, Pick pick) {
        super(json);
        this.pick = pick;
    }

    public Pick pick() {
        return pick;
    }

    public String getLineSeq() {
        return text("line_seq");
    }

    public String getStyle() {
        return text("style");
    }

    /** bk_qty as a number; null when it is not one. */
    public BigDecimal quantity() {
        return number(text("bk_qty"));
    }

    /** price as a number; null when it is not one. */
    public BigDecimal price() {
        return number(text("price"));
    }

    private static BigDecimal number(String value) {
        try {
            return value.isEmpty() ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
