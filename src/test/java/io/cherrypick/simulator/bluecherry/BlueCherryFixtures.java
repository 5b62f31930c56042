package io.cherrypick.simulator.bluecherry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test data in Blue Cherry's own shapes. */
final class BlueCherryFixtures {
    /** Style 01234 "Classic Tee", black, sizes S/M/L. */
    static final String STYLE = "01234";
    static final String UPC_S = "012345678898";
    static final String UPC_M = "012345678905";
    static final String UPC_L = "012345678912";

    private BlueCherryFixtures() {
    }

    static Map<String, Object> teeStyle() {
        return map("style", STYLE, "style_name", "Classic Tee", "style_desc", "Crew neck tee", "group_code1", "TOPS",
                "styledetail", Map.of("rows", List.of(map("division", "01", "season", "SP25", "third_party_item", "VND-TEE-01",
                        "std_cost", 9.75, "gar_wgt", 0.45,
                        "stylecolorsizes", Map.of("rows-i", List.of(
                                size("S", UPC_S), size("M", UPC_M), size("L", UPC_L)))))));
    }

    private static Map<String, Object> size(String size, String upc) {
        return map("color_code", "BLK", "lbl_code", "", "dimension", "", "size_desc", size, "upc", upc, "ean", "");
    }

    /** A pick at NJ: line 1 = 2 × M, line 2 = 1 × L. */
    static Map<String, Object> pick(String pickNum) {
        return pick(pickNum, "NJ", List.of(line(1, "M", UPC_M, 2), line(2, "L", UPC_L, 1)));
    }

    static Map<String, Object> pick(String pickNum, String location, List<Map<String, Object>> lines) {
        return map("pick_num", pickNum, "ord_num", "4" + pickNum, "po_num", "PO-" + pickNum, "customer", "WEB01",
                "location", location, "shipper", "UPS", "frgt_amt", 7.95,
                "pickaddress", Map.of("rows", List.of(
                        address("BT", "billing@example.com"), address("ST", "jane@example.com"))),
                "pickdetail", Map.of("rows", lines));
    }

    static Map<String, Object> line(int lineSeq, String size, String upc, int qty) {
        return map("line_seq", lineSeq, "style", STYLE, "color_code", "BLK", "lbl_code", "", "dimension", "",
                "size_desc", size, "upc", upc, "price", 48.00, "bk_qty", qty);
    }

    private static Map<String, Object> address(String type, String email) {
        return map("addr_type", type, "name", "Jane Doe", "addr1", "1 Main St", "city", "New York", "state", "NY",
                "zipcode", "10001", "country", "US", "email", email, "contact", "2125550100");
    }

    /**
     * A valid OrderShipment record for a pick made by {@link #pick(String)}; {@code shipped} gives line_seq → qty.
     * One carton holds everything.
     */
    static Map<String, Object> shipment(String pickNum, String isaNum, String cmplCode, Map<Integer, Integer> shipped) {
        List<Map<String, Object>> pickDetail = new ArrayList<>();
        List<Map<String, Object>> cartonDetail = new ArrayList<>();
        String carton = sscc(Long.parseLong(isaNum));
        new TreeMap<>(shipped).forEach((seq, qty) -> {
            String size = seq == 1 ? "M" : "L";
            String upc = seq == 1 ? UPC_M : UPC_L;
            pickDetail.add(map("pick_num", pickNum, "line_seq", seq, "style", STYLE, "color_code", "BLK", "lbl_code", "",
                    "dimension", "", "size_desc", size, "upc", upc, "size_qty", qty, "location", "NJ", "price", 48.00));
            cartonDetail.add(map("carton_num", carton, "pick_num", pickNum, "line_seq", seq, "style", STYLE,
                    "color_code", "BLK", "lbl_code", "", "dimension", "", "size_desc", size, "upc", upc,
                    "ship_qty", qty, "shipqty_uom", "EA", "total_qty", qty));
        });
        return map("pick_num", pickNum, "ord_num", "4" + pickNum, "po_num", "PO-" + pickNum, "customer", "WEB01",
                "location", "NJ", "shipfrom", "NJ", "load_id", "", "ship_date", "05/02/2024", "shipper", "UPS",
                "scac_code", "UPSN", "trans_type", "M", "carton", 1, "cmpl_code", cmplCode, "our_id", "BRANDX",
                "our_qual", "ZZ", "vnd_id", "PEOPLEVOX", "vnd_qual", "ZZ", "isa_num", isaNum, "weight", 0.9,
                "weight_uom", "LB", "volume_uom", "CF", "doc_num", "", "frgt_amt", 7.95,
                "pickDetail", pickDetail,
                "cartonHeader", List.of(map("carton_num", carton, "carton_wgt", 0.9, "ctn_volume", 1, "pick_num", pickNum,
                        "track_no", "1Z999AA10123456784", "volume_uom", "CF", "weight_uom", "LB",
                        "cartonDetail", cartonDetail)));
    }

    /** SSCC: "00" + extension 0 + 16-digit serial + GS1 mod-10 check digit (computed here independently). */
    static String sscc(long serial) {
        String body = "000" + String.format("%016d", serial);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** A mutable map from key/value pairs (Map.of refuses nulls and keeps no order). */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
