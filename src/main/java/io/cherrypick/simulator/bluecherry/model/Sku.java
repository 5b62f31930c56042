package io.cherrypick.simulator.bluecherry.model;

import java.util.Map;
import java.util.StringJoiner;

/** Blue Cherry's SKU key: style × colour × label × dimension × size (label and dimension are often empty). */
public record Sku(String style, String colorCode, String lblCode, String dimension, String sizeDesc) {

    public static Sku of(Map<String, ?> record) {
        return new Sku(Fields.textOrEmpty(record, "style"), Fields.textOrEmpty(record, "color_code"),
                Fields.textOrEmpty(record, "lbl_code"), Fields.textOrEmpty(record, "dimension"),
                Fields.textOrEmpty(record, "size_desc"));
    }

    /** Readable form for error messages, e.g. {@code style 01234 color BLK size M}. */
    public String describe() {
        StringJoiner s = new StringJoiner(" ");
        s.add("style " + style).add("color " + colorCode);
        if (!lblCode.isEmpty()) {
            s.add("label " + lblCode);
        }
        if (!dimension.isEmpty()) {
            s.add("dimension " + dimension);
        }
        return s.add("size " + sizeDesc).toString();
    }

    /** Writes the tuple under the API's field names. */
    public void writeTo(Map<String, Object> record) {
        record.put("style", style);
        record.put("color_code", colorCode);
        record.put("lbl_code", lblCode);
        record.put("dimension", dimension);
        record.put("size_desc", sizeDesc);
    }
}
