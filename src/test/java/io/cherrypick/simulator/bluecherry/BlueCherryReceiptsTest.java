package io.cherrypick.simulator.bluecherry;

import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.UPC_L;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.UPC_M;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.UPC_S;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** PhysicalInventoryTM, ProductionReceiptAdvice and the invented ReturnReceiptAdvice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BlueCherryReceiptsTest {
    @LocalServerPort
    int port;
    BlueCherryHttp http;

    @BeforeEach
    void seed() {
        http = new BlueCherryHttp(port);
        http.control("POST", "/reset");
        http.control("POST", "/styles", List.of(BlueCherryFixtures.teeStyle()));
    }

    static Map<String, Object> count(String adjNum, String size, String upc, String location, int qty) {
        return map("adj_num", adjNum, "style", "01234", "color_code", "BLK", "dimension", "", "lbl_code", "",
                "size_desc", size, "upc_num", upc, "size_qty", qty, "location", location, "pix_type", "605",
                "pix_code", "00", "size_adj", "A", "receipt_date", "2024-05-02", "vnd_id", "PEOPLEVOX", "vnd_qual", "ZZ");
    }

    /** Each receipt a document of its own: Blue Cherry refuses an isa_num it already holds. */
    private static final java.util.concurrent.atomic.AtomicInteger ISA = new java.util.concurrent.atomic.AtomicInteger(200);

    static Map<String, Object> receipt(String prodNum, String prodLine, int qty) {
        return map("prod_num", prodNum, "prod_line", prodLine, "style", "01234", "color_code", "BLK", "dimension", "",
                "lbl_code", "", "size_desc", "M", "upc_num", UPC_M, "size_qty", qty, "location", "NJ",
                "receipt_date", "05/02/2024", "shipment_num", "0", "adj_type", "A", "size_adj", "A", "pix_type", "100",
                "pix_code", "01", "isa_num", String.format("%09d", ISA.incrementAndGet()), "vnd_id", "PEOPLEVOX", "vnd_qual", "ZZ");
    }

    static Map<String, Object> returnAuthorisation(String raNum, int qty) {
        return map("ra_num", raNum, "ord_num", "40017", "pick_num", "100245", "customer", "WEB01", "location", "NJ",
                "reason_code", "FIT", "radetail", Map.of("rows", List.of(map("line_seq", 1, "style", "01234",
                        "color_code", "BLK", "lbl_code", "", "dimension", "", "size_desc", "S", "upc", UPC_S, "ra_qty", qty))));
    }

    static Map<String, Object> returnReceipt(String raNum, String disposition, int qty) {
        return map("ra_num", raNum, "line_seq", 1, "style", "01234", "color_code", "BLK", "lbl_code", "", "dimension", "",
                "size_desc", "S", "upc_num", UPC_S, "size_qty", qty, "location", "NJ", "reason_code", "FIT",
                "disposition", disposition, "receipt_date", "05/03/2024");
    }

    private JsonNode stock(String upc, String location) {
        for (JsonNode row : http.control("GET", "/inventory")) {
            if (row.path("upc").asText().equals(upc) && row.path("location").asText().equals(location)) {
                return row;
            }
        }
        throw new AssertionError("no stock row for " + upc + " at " + location);
    }

    private List<String> errors(BlueCherryHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        List<String> out = new ArrayList<>();
        r.json().path("errors").forEach(e -> out.add(e.path("errorMessage").asText()));
        return out;
    }

    // ------------------------------------------------------------ PhysicalInventoryTM

    @Test
    void physicalInventoryOverlaysQuantitiesIncludingZeros() {
        http.control("POST", "/inventory", List.of(
                map("upc", UPC_M, "location", "NJ", "qoh", 5), map("upc", UPC_L, "location", "NJ", "qoh", 7),
                map("upc", UPC_M, "location", "LDN", "qoh", 4)));
        BlueCherryHttp.Response r = http.post("PhysicalInventoryTM", List.of(
                count("ADJ-1", "M", UPC_M, "NJ", 3), count("ADJ-1", "L", UPC_L, "NJ", 0), count("ADJ-1", "S", UPC_S, "NJ", 2)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long pkey = r.json().path("pkey").asLong();
        assertThat(pkey).isPositive();

        assertThat(stock(UPC_M, "NJ").path("qoh").asLong()).isEqualTo(3);
        assertThat(stock(UPC_L, "NJ").path("qoh").asLong()).isZero();
        assertThat(stock(UPC_S, "NJ").path("qoh").asLong()).isEqualTo(2);
        assertThat(stock(UPC_M, "LDN").path("qoh").asLong()).as("other locations untouched").isEqualTo(4);

        JsonNode log = http.control("GET", "/adjustments");
        assertThat(log).hasSize(3);
        assertThat(log).extracting(e -> e.path("variance").asLong()).containsExactly(-2L, -7L, 2L);
        assertThat(log.get(1).path("previous_qoh").asLong()).isEqualTo(7);
        assertThat(log.get(1).path("counted_qoh").asLong()).isZero();
        assertThat(log.get(0).path("pkey").asLong()).isEqualTo(pkey);
    }

    @Test
    void physicalInventoryValidation() {
        assertThat(errors(http.post("PhysicalInventoryTM", List.of(count("ADJ-1", "M", UPC_M, "NJ", -3)))))
                .containsExactly("adj_num ADJ-1 upc_num " + UPC_M + ": size_qty -3 must not be negative");
        Map<String, Object> wrongPix = count("ADJ-1", "M", UPC_M, "NJ", 3);
        wrongPix.put("pix_type", "100");
        assertThat(errors(http.post("PhysicalInventoryTM", List.of(wrongPix))))
                .containsExactly("adj_num ADJ-1 upc_num " + UPC_M + ": pix_type '100' is not valid for PhysicalInventoryTM (expected 605)");
        assertThat(errors(http.post("PhysicalInventoryTM", List.of(count("ADJ-1", "M", "000000000000", "NJ", 3)))))
                .containsExactly("adj_num ADJ-1 upc_num 000000000000: upc_num '000000000000' is not on file");
        assertThat(errors(http.post("PhysicalInventoryTM", List.of(count("ADJ-1", "S", UPC_M, "NJ", 3)))))
                .containsExactly("adj_num ADJ-1 upc_num " + UPC_M
                        + ": style 01234 color BLK size S does not match upc_num " + UPC_M + " (style 01234 color BLK size M)");
        assertThat(errors(http.post("PhysicalInventoryTM", List.of(count("ADJ-1", "M", UPC_M, "XX", 3)))))
                .containsExactly("adj_num ADJ-1 upc_num " + UPC_M + ": location 'XX' does not exist in Location");
        assertThat(http.control("GET", "/adjustments")).isEmpty();
    }

    @Test
    void duplicateAdjNumIsRefusedByDefault() {
        long pkey = http.post("PhysicalInventoryTM", List.of(count("ADJ-7", "M", UPC_M, "NJ", 3))).json().path("pkey").asLong();
        assertThat(errors(http.post("PhysicalInventoryTM", List.of(count("ADJ-7", "M", UPC_M, "NJ", 9)))))
                .containsExactly("Duplicate adj_num ADJ-7 (adj_num ADJ-7 upc_num " + UPC_M + "): already received as pkey " + pkey);
        assertThat(stock(UPC_M, "NJ").path("qoh").asLong()).isEqualTo(3);
    }

    @Test
    void duplicateAdjNumCanBeAcceptedIdempotently() {
        http.control("PUT", "/config", Map.of("duplicatePolicy", "ACCEPT"));
        long pkey = http.post("PhysicalInventoryTM", List.of(count("ADJ-7", "M", UPC_M, "NJ", 3))).json().path("pkey").asLong();
        BlueCherryHttp.Response again = http.post("PhysicalInventoryTM", List.of(count("ADJ-7", "M", UPC_M, "NJ", 9)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("pkey").asLong()).isEqualTo(pkey);
        assertThat(stock(UPC_M, "NJ").path("qoh").asLong()).isEqualTo(3);
        assertThat(http.control("GET", "/adjustments")).hasSize(1);
    }

    // ------------------------------------------------------------ ProductionReceiptAdvice

    @Test
    void productionReceiptsRaiseStockAndReduceTheOpenQuantity() {
        http.control("POST", "/production-orders", List.of(BlueCherryReadApiTest.productionOrder("PO1", "3")));
        http.control("POST", "/clock", Map.of("freeze", "2024-05-02 08:00:00"));

        BlueCherryHttp.Response first = http.post("ProductionReceiptAdvice", List.of(receipt("PO1", "1", 4)));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(stock(UPC_M, "NJ").path("qoh").asLong()).isEqualTo(4);
        JsonNode po = http.control("GET", "/state").path("productionOrders").get(0);
        assertThat(po.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(po.path("lines").get(0).path("open").asInt()).isEqualTo(6);
        assertThat(http.get("productionOrderByStage").json().path("data").path("header").get(0).path("last_mod").asText())
                .isEqualTo("2024-05-02 08:00:00");

        assertThat(http.post("ProductionReceiptAdvice", List.of(receipt("PO1", "1", 6))).status()).isEqualTo(200);
        assertThat(http.control("GET", "/state").path("productionOrders").get(0).path("status").asText()).isEqualTo("RECEIVED");
        assertThat(stock(UPC_M, "NJ").path("qoh").asLong()).isEqualTo(10);
        JsonNode receipts = http.control("GET", "/receipts");
        assertThat(receipts).extracting(r -> r.path("size_qty").asInt()).containsExactly(4, 6);
        assertThat(receipts.get(1).path("po_status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void overReceiptIsRefusedUnlessAllowed() {
        http.control("POST", "/production-orders", List.of(BlueCherryReadApiTest.productionOrder("PO1", "3")));
        assertThat(errors(http.post("ProductionReceiptAdvice", List.of(receipt("PO1", "1", 8), receipt("PO1", "1", 3)))))
                .containsExactly("prod_num PO1 prod_line 1: size_qty 11 exceeds the open quantity 10 (send over_recv_ok Y to allow over-receipt)");
        Map<String, Object> allowed = receipt("PO1", "1", 11);
        allowed.put("over_recv_ok", "Y");
        assertThat(http.post("ProductionReceiptAdvice", List.of(allowed)).status()).isEqualTo(200);
        assertThat(stock(UPC_M, "NJ").path("qoh").asLong()).isEqualTo(11);
    }

    @Test
    void productionReceiptValidation() {
        http.control("POST", "/production-orders", List.of(
                BlueCherryReadApiTest.productionOrder("PO1", "3"), BlueCherryReadApiTest.productionOrder("PO5", "5")));
        assertThat(errors(http.post("ProductionReceiptAdvice", List.of(receipt("PO5", "1", 1)))))
                .containsExactly("prod_num PO5 prod_line 1: production order is at stage 5, not open for receipt (stage 3)");
        assertThat(errors(http.post("ProductionReceiptAdvice", List.of(receipt("PO9", "1", 1)))))
                .containsExactly("prod_num PO9 prod_line 1: production order does not exist");
        assertThat(errors(http.post("ProductionReceiptAdvice", List.of(receipt("PO1", "7", 1)))))
                .containsExactly("prod_num PO1 prod_line 7: no such line on the production order");
        Map<String, Object> badDate = receipt("PO1", "1", 1);
        badDate.put("receipt_date", "2024-05-02");
        assertThat(errors(http.post("ProductionReceiptAdvice", List.of(badDate))))
                .containsExactly("prod_num PO1 prod_line 1: receipt_date '2024-05-02' must be a date in MM/DD/YYYY format");
        Map<String, Object> wrongUpc = receipt("PO1", "1", 1);
        wrongUpc.put("upc_num", UPC_L);
        assertThat(errors(http.post("ProductionReceiptAdvice", List.of(wrongUpc))))
                .containsExactly("prod_num PO1 prod_line 1: upc_num '" + UPC_L + "' does not match the production order line's upc '" + UPC_M + "'");
        assertThat(http.control("GET", "/receipts")).isEmpty();
    }

    // ------------------------------------------------------------ ReturnReceiptAdvice (invented)

    @Test
    void returnReceiptsFollowTheirDisposition() {
        http.control("POST", "/return-authorisations", List.of(returnAuthorisation("RA1", 3)));

        BlueCherryHttp.Response restock = http.post("x-sim/ReturnReceiptAdvice", List.of(returnReceipt("RA1", "A", 1)));
        assertThat(restock.status()).as(restock.body()).isEqualTo(200);
        assertThat(restock.header("X-Sim-Fidelity")).isEqualTo("invented");
        assertThat(stock(UPC_S, "NJ").path("qoh").asLong()).isEqualTo(1);
        assertThat(http.get("x-sim/returnAuthorization").json().path("data").path("header").get(0).path("status").asText())
                .isEqualTo("PARTIAL");

        assertThat(http.post("x-sim/ReturnReceiptAdvice", List.of(returnReceipt("RA1", "D", 1))).status()).isEqualTo(200);
        assertThat(http.post("x-sim/returnreceiptadvice", List.of(returnReceipt("RA1", "Q", 1))).status()).isEqualTo(200);
        JsonNode row = stock(UPC_S, "NJ");
        assertThat(row.path("qoh").asLong()).isEqualTo(1);
        assertThat(row.path("quarantine").asLong()).isEqualTo(2);
        assertThat(http.get("x-sim/returnAuthorization").json().path("data").path("header").get(0).path("status").asText())
                .isEqualTo("RECEIVED");

        JsonNode receipts = http.control("GET", "/return-receipts");
        assertThat(receipts).extracting(r -> r.path("disposition").asText()).containsExactly("A", "D", "Q");
        JsonNode memos = http.control("GET", "/credit-memos");
        assertThat(memos).hasSize(3);
        assertThat(memos).extracting(m -> m.path("cm_num").asText()).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
        assertThat(memos.get(0).path("ra_num").asText()).isEqualTo("RA1");
        assertThat(receipts.get(0).path("cm_num").asText()).isEqualTo(memos.get(0).path("cm_num").asText());
        assertThat(memos.get(2).path("ra_status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void returnOverReceiptIsRefused() {
        http.control("POST", "/return-authorisations", List.of(returnAuthorisation("RA1", 2)));
        assertThat(http.post("x-sim/ReturnReceiptAdvice", List.of(returnReceipt("RA1", "A", 1))).status()).isEqualTo(200);
        assertThat(errors(http.post("x-sim/ReturnReceiptAdvice", List.of(returnReceipt("RA1", "A", 2)))))
                .containsExactly("ra_num RA1 line_seq 1: size_qty 2 exceeds the open return quantity 1");
        assertThat(http.control("GET", "/credit-memos")).hasSize(1);
    }

    @Test
    void returnReceiptValidation() {
        http.control("POST", "/return-authorisations", List.of(returnAuthorisation("RA1", 2)));
        assertThat(errors(http.post("x-sim/ReturnReceiptAdvice", List.of(returnReceipt("RA1", "X", 1)))))
                .containsExactly("ra_num RA1 upc_num " + UPC_S + ": disposition 'X' must be A (restock), D (damaged) or Q (quarantine)");
        assertThat(errors(http.post("x-sim/ReturnReceiptAdvice", List.of(returnReceipt("RA9", "A", 1)))))
                .containsExactly("ra_num RA9 upc_num " + UPC_S + ": return authorisation does not exist");
        Map<String, Object> noLine = returnReceipt("RA1", "A", 1);
        noLine.remove("line_seq");
        noLine.put("upc_num", UPC_M);
        noLine.put("size_desc", "M");
        assertThat(errors(http.post("x-sim/ReturnReceiptAdvice", List.of(noLine))))
                .containsExactly("ra_num RA1 upc_num " + UPC_M + ": upc_num '" + UPC_M + "' is not on the return authorisation");
    }

    @Test
    void raNumberIsAssignedWhenNotGiven() {
        Map<String, Object> ra = returnAuthorisation("", 1);
        ra.remove("ra_num");
        String raNum = http.control("POST", "/return-authorisations", List.of(ra)).get(0).path("ra_num").asText();
        assertThat(raNum).isNotBlank();
        assertThat(http.post("x-sim/ReturnReceiptAdvice", List.of(returnReceipt(raNum, "A", 1))).status()).isEqualTo(200);
    }
}
