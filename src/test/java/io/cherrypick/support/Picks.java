package io.cherrypick.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pick tickets in Blue Cherry's API shape, for tests. */
public final class Picks {
    private Picks() {
    }

    public static Map<String, Object> pick(String pickNum, String location, String... upcs) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("pick_num", pickNum);
        p.put("ord_num", "O" + pickNum);
        p.put("po_num", "PO-" + pickNum);
        p.put("customer", "WEB01");
        p.put("division", "01");
        p.put("location", location);
        p.put("pick_date", "2026-11-20 10:00:00");
        p.put("end_date", "2026-11-30 00:00:00");
        p.put("ord_type", "R");
        p.put("ord_status", "O");
        p.put("shipper", "UPS");
        p.put("curr_code", "USD");
        p.put("frgt_amt", 7.95);
        p.put("tax_amt", 1.10);
        p.put("disc_amt", 0);
        Map<String, Object> st = address("ST", "1 Main St", "Newark");
        Map<String, Object> bt = address("BT", "1 Main St", "Newark");
        p.put("pickaddress", Map.of("rows", List.of(bt, st)));
        List<Map<String, Object>> lines = new ArrayList<>();
        int seq = 1;
        for (String upc : upcs) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("line_seq", seq++);
            l.put("style", "01234");
            l.put("color_code", "BLK");
            l.put("org_color", "BLK");
            l.put("lbl_code", "");
            l.put("dimension", "");
            l.put("size_desc", "M");
            l.put("upc", upc);
            l.put("price", 48.00);
            l.put("bk_qty", 2);
            l.put("total_qty", 2);
            l.put("location", location);
            l.put("division", "01");
            lines.add(l);
        }
        p.put("pickdetail", Map.of("rows", lines));
        return p;
    }

    /** A pick line as a change of the pick sends it ({@code pickdetail} rows of {@code /_control/picks/{n}/modify}). */
    public static Map<String, Object> line(int seq, String upc, int qty) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("line_seq", seq);
        l.put("style", "01234");
        l.put("color_code", "BLK");
        l.put("size_desc", "M");
        l.put("upc", upc);
        l.put("price", 48.00);
        l.put("bk_qty", qty);
        l.put("total_qty", qty);
        l.put("location", "NJ");
        return l;
    }

    /** A pick address row ({@code ST} ship-to, {@code BT} bill-to) in New Jersey. */
    public static Map<String, Object> address(String type, String addr1, String city) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("addr_type", type);
        a.put("name", "Jane Doe");
        a.put("addr1", addr1);
        a.put("addr2", "");
        a.put("city", city);
        a.put("state", "NJ");
        a.put("zipcode", "07102");
        a.put("country", "US");
        a.put("email", "jane@example.com");
        a.put("contact", "2125550100");
        return a;
    }
}
