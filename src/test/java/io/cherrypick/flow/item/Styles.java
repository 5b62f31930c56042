package io.cherrypick.flow.item;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cherrypick.gs1.Gs1;

/** Blue Cherry styles in the API shape (§3.5.2), for tests: one style-detail row, colours × sizes with valid UPCs. */
public final class Styles {
    private Styles() {
    }

    /** A UPC-A with a correct check digit, unique per (prefix, n). */
    public static String upc(int prefix, int n) {
        return Gs1.withCheckDigit(String.format("%05d%06d", prefix, n));
    }

    /** The same UPC with its last digit changed: a wrong check digit. */
    public static String badCheckDigit(String upc) {
        int last = upc.charAt(upc.length() - 1) - '0';
        return upc.substring(0, upc.length() - 1) + ((last + 1) % 10);
    }

    /** A style whose SKUs get UPCs {@code upc(prefix, 1..colours*sizes)}. */
    public static Map<String, Object> style(String style, int prefix, List<String> colours, List<String> sizes) {
        List<Map<String, Object>> skus = new ArrayList<>();
        int n = 1;
        for (String colour : colours) {
            for (String size : sizes) {
                skus.add(sku(colour, size, upc(prefix, n++)));
            }
        }
        return style(style, skus);
    }

    public static Map<String, Object> style(String style, List<Map<String, Object>> skus) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("style", style);
        s.put("style_name", "Tee " + style);
        s.put("style_desc", "Crew neck tee " + style);
        s.put("group_code1", "TOPS");
        s.put("group_code2", "TEES");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("division", "01");
        detail.put("season", "SP25");
        detail.put("third_party_item", "VND-" + style);
        detail.put("std_cost", 9.75);
        detail.put("gar_wgt", 0.45);
        detail.put("catg_dest1", "WEB");
        detail.put("stylecolorsizes", Map.of("rows-i", skus));
        s.put("styledetail", Map.of("rows", List.of(detail)));
        return s;
    }

    public static Map<String, Object> sku(String colour, String size, String upc) {
        Map<String, Object> sku = new LinkedHashMap<>();
        sku.put("color_code", colour);
        sku.put("lbl_code", "");
        sku.put("dimension", "");
        sku.put("size_desc", size);
        sku.put("upc", upc);
        sku.put("ean", "");
        return sku;
    }

    /** The colour-size rows of a style built here (to change one in a test). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> skus(Map<String, Object> style) {
        Map<String, Object> detail = ((List<Map<String, Object>>) ((Map<String, Object>) style.get("styledetail")).get("rows")).get(0);
        return (List<Map<String, Object>>) ((Map<String, Object>) detail.get("stylecolorsizes")).get("rows-i");
    }
}
