package io.cherrypick.setup;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.bluecherry.model.Style;
import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.flow.item.Styles;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.support.Picks;
import io.cherrypick.support.Simulators;

/**
 * Both simulators seeded, through their control APIs and Peoplevox's own SaveData, with one deliberate mismatch of
 * every kind the setup audit looks for, and everything else in agreement ({@link #EXPECTED}).
 */
final class SetupWorld {
    static final String STYLE = "AUD1";
    static final String A = Styles.upc(700, 1);
    static final String B = Styles.upc(700, 2);
    static final String C = Styles.upc(700, 3);
    static final String D = Styles.badCheckDigit(Styles.upc(700, 4));
    static final String E = Styles.upc(700, 5);
    static final String HAND_MADE = "HAND1";
    static final String HAND_MADE_BARCODE = Styles.badCheckDigit(Styles.upc(798, 1));
    static final String UNKNOWN = Styles.upc(799, 9);
    private static final DateTimeFormatter BLUE_CHERRY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Each check the world makes fail or warn, with how many findings; every other check passes. */
    static final Map<String, Integer> EXPECTED = expected();

    private static Map<String, Integer> expected() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("peoplevox.templates", 1);                 // Sales orders without Attribute2
        m.put("peoplevox.reports", 1);                   // Return summary without the column a mapping reads
        m.put("catalogue.missing-in-peoplevox", 1);      // C
        m.put("catalogue.unknown-to-bluecherry", 1);     // HAND1
        m.put("catalogue.duplicate-barcodes", 1);        // E on two SKUs
        m.put("catalogue.invalid-skus", 1);              // D: wrong check digit
        m.put("catalogue.invalid-peoplevox-barcodes", 1); // HAND1: wrong check digit
        m.put("catalogue.attribute-differences", 1);     // B: Description edited in Peoplevox
        m.put("catalogue.unknown-on-open-picks", 1);     // pick 910007 line 1
        m.put("mappings.locations", 1);                  // MIA on a purchase order
        m.put("mappings.shippers", 1);                   // ZZX
        m.put("mappings.carriers", 1);                   // UPS Next Day
        m.put("mappings.returns", 2);                    // condition Mouldy, reason Wrong colour
        m.put("orders.not-in-peoplevox", 1);             // 910002
        m.put("orders.unknown-to-bluecherry", 1);        // X9
        m.put("orders.cancelled-in-one", 1);             // 910003
        m.put("orders.despatched-not-confirmed", 1);     // 910004
        m.put("stock.variance", 1);                      // A at PrimarySite: +3
        return m;
    }

    /** What the test environment itself warns of: a demo on the simulators, no sign-in, H2, nothing of production. */
    static final Map<String, Integer> TEST_CONFIGURATION = Map.of("configuration.sign-in", 1, "configuration.simulators", 3,
            "configuration.pacing", 1, "configuration.webhook-token", 1, "configuration.alerts", 1,
            "configuration.database", 1);

    private final Simulators sims;
    private final RestClient http;
    private final PeoplevoxClient peoplevox;
    private final BlueCherryClient blueCherry;
    private final Mappings mappings;

    SetupWorld(int port, PeoplevoxClient peoplevox, BlueCherryClient blueCherry, Mappings mappings) {
        this.sims = new Simulators(port);
        this.http = RestClient.builder().baseUrl("http://localhost:" + port).build();
        this.peoplevox = peoplevox;
        this.blueCherry = blueCherry;
        this.mappings = mappings;
    }

    void reset() {
        sims.resetAll();
    }

    void seedMismatches() {
        reset();
        // Blue Cherry, a day ago: picks changed then are past the audit's grace period
        sims.blueCherryClock(Map.of("freeze", LocalDateTime.now().minusDays(1).format(BLUE_CHERRY_TIME)));
        sims.post("/sim/bluecherry/_control/locations", List.of(Map.of("location", "MIA", "loc_name", "Miami DC",
                "loc_type", "W")));
        sims.post("/sim/bluecherry/_control/shippers", List.of(Map.of("shipper", "ZZX", "ship_name", "Courier nobody mapped")));
        List<Map<String, Object>> skus = new ArrayList<>(List.of(Styles.sku("BLK", "S", A), Styles.sku("BLK", "M", B),
                Styles.sku("BLK", "L", C), Styles.sku("BLK", "XL", D), Styles.sku("WHT", "S", E), Styles.sku("WHT", "M", E)));
        sims.post("/sim/bluecherry/_control/styles", List.of(Styles.style(STYLE, skus)));
        sims.createPicks(List.of(Picks.pick("910001", "NJ", A), Picks.pick("910002", "NJ", A), Picks.pick("910003", "NJ", A),
                Picks.pick("910004", "NJ", A), Picks.pick("910007", "NJ", UNKNOWN)));
        sims.post("/sim/bluecherry/_control/production-orders", List.of(Map.of("prod_num", "PO-77", "stage_num", "3",
                "productionorderdetailbystage", Map.of("rows", List.of(Map.of("style", STYLE, "color_code", "BLK",
                        "size_desc", "S", "upc", A, "prod_qty", 10, "location", "MIA"))))));

        // Peoplevox: a service type nobody mapped; items as the item flow would have sent them, one edited by hand, one
        // made by hand; stock
        sims.post("/sim/peoplevox/_control/seed", Map.of("serviceTypes", List.of(Map.of("Carrier", "UPS", "Name",
                "UPS Next Day", "Code", "UPSND"))));
        Map<String, Map<String, String>> rows = mappedItems();
        Map<String, String> edited = new LinkedHashMap<>(rows.get(B));
        edited.put("Description", "Edited by hand in Peoplevox");
        Map<String, String> handMade = new LinkedHashMap<>(rows.get(A));
        handMade.replaceAll((field, value) -> "");
        handMade.putAll(Map.of("ItemCode", HAND_MADE, "Name", "Gift card", "Barcode", HAND_MADE_BARCODE));
        save("Item types", List.of(rows.get(A), edited, rows.get(E), handMade));
        sims.post("/sim/peoplevox/_control/seed", Map.of("stock", List.of(Map.of("itemCode", A, "site", "PrimarySite",
                "onHand", 100), Map.of("itemCode", B, "site", "PrimarySite", "onHand", 5))));

        // orders: three picks as the order flow sends them, one header only (its item exists nowhere), one made by hand
        for (String pick : List.of("910001", "910003", "910004")) {
            MappedRecord order = mappings.map("sales-order", pick(pick), Map.of());
            save("Sales orders", List.of(order.row("header")));
            save("Sales order items", order.rows("lines"));
        }
        save("Sales orders", List.of(mappings.map("sales-order", pick("910007"), Map.of()).row("header")));
        Map<String, String> handOrder = new LinkedHashMap<>(mappings.map("sales-order", pick("910001"), Map.of()).row("header"));
        handOrder.put("SalesOrderNumber", "X9");
        handOrder.put("CreatedDate", LocalDateTime.now().format(BLUE_CHERRY_TIME));
        save("Sales orders", List.of(handOrder));
        sims.post("/sim/peoplevox/_control/orders/910004/advance", Map.of("to", "Despatched"));
        sims.post("/sim/bluecherry/_control/picks/910003/void", Map.of());
        sims.post("/sim/peoplevox/_control/returns/receive", Map.of("salesOrderNumber", "910004", "itemCode", A,
                "quantity", 1, "reason", "Too small", "condition", "Mouldy"));
        sims.post("/sim/peoplevox/_control/returns/receive", Map.of("salesOrderNumber", "910004", "itemCode", A,
                "quantity", 1, "reason", "Wrong colour", "condition", "Good"));

        // Blue Cherry's stock as Peoplevox's, but 3 fewer of A at NJ (PrimarySite)
        List<Map<String, Object>> inventory = new ArrayList<>();
        for (Map<String, String> level : peoplevox.getReport("Item inventory summary", "", null, null).rows()) {
            long onHand = Long.parseLong(level.get("On hand"));
            inventory.add(Map.<String, Object>of("upc", level.get("Item code"), "location", "NJ", "qoh",
                    level.get("Item code").equals(A) ? onHand - 3 : onHand));
        }
        sims.post("/sim/bluecherry/_control/inventory", inventory);
        sims.blueCherryClock(Map.of("real", true));

        // the tenant's Sales orders template lacks a field the mapping writes
        List<String> salesOrders = new ArrayList<>(CsvTable.parse(peoplevox.getSaveTemplate("Sales orders")).headers());
        salesOrders.remove("Attribute2");
        http.put().uri("/sim/peoplevox/_control/config").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("templates", Map.of("Sales orders", salesOrders))).retrieve().toBodilessEntity();
    }

    /** The item rows of the style's SKUs as routes/mappings/item.yaml maps them, by ItemCode (the first SKU of a code). */
    private Map<String, Map<String, String>> mappedItems() {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (JsonNode style : blueCherry.getPage("style", "style eq '" + STYLE + "'", 1, 10)) {
            for (StyleSku sku : Style.of(style).getSkus()) {
                Map<String, String> row = mappings.map("item", sku, Map.of()).row("item");
                rows.putIfAbsent(row.get("ItemCode"), row);
            }
        }
        return rows;
    }

    private Pick pick(String number) {
        return Pick.of(blueCherry.getPage("pick", "pick_num eq '" + number + "'", 1, 1).get(0));
    }

    private void save(String template, List<Map<String, String>> rows) {
        CsvTable table = new CsvTable(List.copyOf(rows.get(0).keySet()), rows);
        var answer = peoplevox.saveData(template, table, 0);
        if (!answer.ok()) {
            throw new IllegalStateException("seeding " + template + " failed: " + answer.detail() + " " + answer.statuses());
        }
    }
}
