package io.cherrypick.simulator.bluecherry.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Field sets and defaults of every record the API serves, in the order of the reference (§3.5). A record created
 * through the control API gets every documented field, so clients see the full shape even when a test only
 * gives a few values.
 */
public final class Templates {
    private static final BigDecimal MONEY_ZERO = new BigDecimal("0.00");

    /** Fields whose values are {@code YYYY-MM-DD HH:MM:SS} datetimes (compared as times in {@code $filter}). */
    public static final Set<String> DATETIME_FIELDS = Set.of("last_mod", "pick_date", "end_date", "udford3d",
            "orgentdate", "due_date", "ra_date");

    public static final Map<String, Object> PICK_HEADER = fields(
            "pkey", 0, "pick_num", "", "ord_num", "", "po_num", "", "altpo", "", "customer", "", "division", "",
            "location", "", "department", "", "center_code", "", "pick_date", null, "end_date", null,
            "ord_type", "", "ord_status", "", "shipper", "", "curr_code", "USD",
            "disc_amt", MONEY_ZERO, "tax_amt", MONEY_ZERO, "frgt_amt", MONEY_ZERO, "misc_amt", MONEY_ZERO,
            "insu_amt", MONEY_ZERO, "eod_actual_frgt", MONEY_ZERO,
            "edi_doc_num", "", "bill_num", "", "bill_optn", "", "vicsmbol", "", "load_id", "", "consol_num", "",
            "mani_num", "", "pro_num", "", "appoint_num", "", "inv_num", "", "pre_inv", "", "ord_volume", 0,
            "rrc", "", "notes", "", "udford1c", "", "udford2c", "", "udford3d", null, "udford4i", 0,
            "last_mod", null);

    public static final Map<String, Object> PICK_ADDRESS = fields(
            "addr_type", "", "name", "", "addr1", "", "addr2", "", "city", "", "state", "", "zipcode", "",
            "country", "", "email", "", "contact", "");

    public static final Map<String, Object> PICK_DETAIL = fields(
            "pkey", 0, "pick_num", "", "line_seq", 0, "style", "", "color_code", "", "org_color", "", "lbl_code", "",
            "dimension", "", "size_desc", "", "upc", "", "ean", "", "price", MONEY_ZERO, "bk_qty", 0, "total_qty", 0,
            "location", "", "division", "", "lot", "", "vas_serial_no", "", "notes", "");

    public static final Map<String, Object> STYLE_HEADER = fields(
            "pkey", 0, "style", "", "style_name", "", "style_desc", "", "group_code1", "", "group_code2", "",
            "group_code3", "", "group_code4", "", "group_code5", "", "group_code6", "", "group_code7", "",
            "group_code8", "", "last_mod", null);

    public static final Map<String, Object> STYLE_DETAIL = fields(
            "pkey", 0, "division", "", "season", "", "third_party_item", "", "std_cost", MONEY_ZERO, "gar_wgt", 0,
            "catg_dest1", "", "catg_dest2", "");

    public static final Map<String, Object> STYLE_COLOR_SIZE = fields(
            "fkey", 0, "color_code", "", "lbl_code", "", "dimension", "", "size_desc", "", "upc", "", "ean", "");

    public static final Map<String, Object> PRODUCTION_ORDER_HEADER = fields(
            "pkey", 0, "prod_num", "", "ref_num", "", "stage_num", "3", "orgentdate", null, "due_date", null,
            "prod_type", "", "co_curr", "USD", "department", "", "terms_ship", "", "last_mod", null);

    public static final Map<String, Object> PRODUCTION_ORDER_ADDRESS = fields(
            "addr_type", "", "name", "", "address1", "", "address2", "", "city", "", "state", "", "zipcode", "",
            "country", "", "email", "", "contact", "");

    public static final Map<String, Object> PRODUCTION_ORDER_DETAIL = fields(
            "pkey", 0, "prod_line", "", "style", "", "color_code", "", "size_desc", "", "dimension", "", "lbl_code", "",
            "upc", "", "ean", "", "cost", MONEY_ZERO, "total_cost", MONEY_ZERO, "prod_qty", 0, "location", "");

    /** Return authorisation header — invented, no public Blue Cherry RA API is known. */
    public static final Map<String, Object> RA_HEADER = fields(
            "pkey", 0, "ra_num", "", "ord_num", "", "pick_num", "", "customer", "", "location", "",
            "reason_code", "", "ra_date", null, "status", "", "last_mod", null);

    public static final Map<String, Object> RA_DETAIL = fields(
            "pkey", 0, "line_seq", 0, "style", "", "color_code", "", "lbl_code", "", "dimension", "", "size_desc", "",
            "upc", "", "ra_qty", 0);

    public static final Map<String, Object> LOCATION = fields(
            "pkey", 0, "location", "", "loc_name", "", "loc_type", "", "resv_wh", "");

    public static final Map<String, Object> SHIPPER = fields("pkey", 0, "shipper", "", "ship_name", "");

    /** Stock on hand per SKU and location ({@code x-sim/inventory}) — invented, no public Blue Cherry stock read is known. */
    public static final Map<String, Object> INVENTORY = fields(
            "pkey", 0, "style", "", "color_code", "", "lbl_code", "", "dimension", "", "size_desc", "", "upc", "",
            "location", "", "qoh", 0, "quarantine", 0);

    private Templates() {
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
