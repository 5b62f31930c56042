package io.cherrypick.bluecherry.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Blue Cherry style ({@code GET /api/style?_include=all}): header fields, its {@code styledetail} rows and, under each,
 * its colour-size rows ({@code stylecolorsizes["rows-i"]}): one SKU per colour-size row.
 */
public final class Style extends JsonRecord {
    private final List<StyleSku> skus;

    private Style(JsonNode json) {
        super(json);
        List<StyleSku> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode detail : json.path("styledetail").path("rows")) {
            for (JsonNode size : detail.path("stylecolorsizes").path("rows-i")) {
                StyleSku sku = new StyleSku(json, detail, size);
                // a size row repeated with the same tuple and UPC (seen in the field) is one SKU
                if (seen.add(sku.describe() + "|" + StyleSku.text(size, "upc"))) {
                    all.add(sku);
                }
            }
        }
        this.skus = List.copyOf(all);
    }

    /** Reads a style from Blue Cherry's JSON (also how Jackson and Camel's {@code unmarshal} make one). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Style of(JsonNode json) {
        return new Style(json);
    }

    public String getStyle() {
        return text("style");
    }

    /** Every SKU of the style: style × colour × label × dimension × size, in payload order. */
    public List<StyleSku> getSkus() {
        return skus;
    }
}
