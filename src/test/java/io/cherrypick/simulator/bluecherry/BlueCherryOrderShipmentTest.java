package io.cherrypick.simulator.bluecherry;

import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.UPC_L;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.UPC_M;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.map;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.pick;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BlueCherryOrderShipmentTest {
    private static final String PICK = "100245";

    @LocalServerPort
    int port;
    @Autowired
    BlueCherrySimulator simulator;
    BlueCherryHttp http;

    @BeforeEach
    void seed() {
        http = new BlueCherryHttp(port);
        http.control("POST", "/reset");
        http.control("POST", "/clock", Map.of("freeze", "2024-05-01 10:00:00"));
        http.control("POST", "/styles", List.of(BlueCherryFixtures.teeStyle()));
        http.control("POST", "/inventory", List.of(
                map("upc", UPC_M, "location", "NJ", "qoh", 10), map("upc", UPC_L, "location", "NJ", "qoh", 5)));
        http.control("POST", "/picks", List.of(pick(PICK)));
    }

    private BlueCherryHttp.Response ship(Map<String, Object> record) {
        return http.post("OrderShipment", List.of(record));
    }

    private JsonNode pickSummary() {
        return http.control("GET", "/picks/" + PICK);
    }

    private JsonNode pickHeader() {
        return http.get("pick?_include=all&$filter=" + BlueCherryHttp.q("pick_num eq '" + PICK + "'"))
                .json().path("data").path("header").get(0);
    }

    private long qoh(String upc) {
        for (JsonNode row : http.control("GET", "/inventory")) {
            if (row.path("upc").asText().equals(upc) && row.path("location").asText().equals("NJ")) {
                return row.path("qoh").asLong();
            }
        }
        throw new AssertionError("no stock row for " + upc);
    }

    /** Posts a shipment changed by {@code change} and returns the validation messages (default error shape). */
    private List<String> refused(Consumer<Map<String, Object>> change) {
        Map<String, Object> record = shipment(PICK, "000000101", "N", Map.of(1, 2, 2, 1));
        change.accept(record);
        BlueCherryHttp.Response r = ship(record);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        List<String> messages = new ArrayList<>();
        r.json().path("errors").forEach(e -> messages.add(e.path("errorMessage").asText()));
        assertThat(pickSummary().path("status").asText()).as("a refused shipment changes nothing").isEqualTo("OPEN");
        assertThat(http.control("GET", "/shipments")).isEmpty();
        return messages;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> carton(Map<String, Object> record) {
        return ((List<Map<String, Object>>) record.get("cartonHeader")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> shippedLine(Map<String, Object> record) {
        return ((List<Map<String, Object>>) record.get("pickDetail")).get(0);
    }

    @Test
    void fullShipmentShipsThePickInvoicesAndNotifies() {
        http.control("POST", "/clock", Map.of("advanceSeconds", 30));
        BlueCherryHttp.Response r = ship(shipment(PICK, "000000101", "N", Map.of(1, 2, 2, 1)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long pkey = r.json().path("pkey").asLong();
        assertThat(pkey).isPositive();
        assertThat(r.json().size()).isEqualTo(1);

        JsonNode summary = pickSummary();
        assertThat(summary.path("status").asText()).isEqualTo("SHIPPED");
        assertThat(summary.path("lines")).allSatisfy(l -> assertThat(l.path("open").asInt()).isZero());
        JsonNode header = pickHeader();
        assertThat(header.path("ord_status").asText()).isEqualTo("S");
        assertThat(header.path("last_mod").asText()).isEqualTo("2024-05-01 10:00:30");

        JsonNode shipments = http.control("GET", "/shipments");
        assertThat(shipments).hasSize(1);
        assertThat(shipments.get(0).path("pkey").asLong()).isEqualTo(pkey);
        assertThat(shipments.get(0).path("pick_num").asText()).isEqualTo(PICK);
        assertThat(shipments.get(0).path("lines")).hasSize(2);
        assertThat(shipments.get(0).path("cartons").get(0).path("track_no").asText()).isEqualTo("1Z999AA10123456784");

        JsonNode invoices = http.control("GET", "/invoices");
        assertThat(invoices).hasSize(1);
        String invNum = invoices.get(0).path("inv_num").asText();
        assertThat(invNum).isNotBlank();
        assertThat(invoices.get(0).path("merchandise").decimalValue()).isEqualByComparingTo("144.00");
        assertThat(invoices.get(0).path("total").decimalValue()).isEqualByComparingTo("151.95");
        assertThat(header.path("inv_num").asText()).isEqualTo(invNum);

        JsonNode notifications = http.control("GET", "/notifications");
        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).path("to").asText()).isEqualTo("jane@example.com");
        assertThat(notifications.get(0).path("inv_num").asText()).isEqualTo(invNum);
        assertThat(notifications.get(0).path("tracking_numbers").get(0).asText()).isEqualTo("1Z999AA10123456784");

        assertThat(qoh(UPC_M)).isEqualTo(8);
        assertThat(qoh(UPC_L)).isEqualTo(4);

        // The in-process bean sees the same state as the control API.
        assertThat(simulator.shipments()).hasSize(1);
    }

    @Test
    void partialShipmentKeepsTheRestOpenThenTheRestShips() {
        assertThat(ship(shipment(PICK, "000000101", "N", Map.of(1, 1))).status()).isEqualTo(200);
        JsonNode summary = pickSummary();
        assertThat(summary.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(summary.path("ord_status").asText()).isEqualTo("P");
        assertThat(summary.path("lines").get(0).path("open").asInt()).isEqualTo(1);
        assertThat(summary.path("lines").get(1).path("open").asInt()).isEqualTo(1);

        BlueCherryHttp.Response rest = ship(shipment(PICK, "000000102", "N", Map.of(1, 1, 2, 1)));
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(pickSummary().path("status").asText()).isEqualTo("SHIPPED");
        assertThat(http.control("GET", "/invoices")).hasSize(2);
        assertThat(http.control("GET", "/notifications")).hasSize(2);
        assertThat(http.control("GET", "/shipments")).hasSize(2);
    }

    @Test
    void cmplCodeYClosesTheRemainder() {
        assertThat(ship(shipment(PICK, "000000101", "Y", Map.of(1, 1))).status()).isEqualTo(200);
        JsonNode summary = pickSummary();
        assertThat(summary.path("status").asText()).isEqualTo("CLOSED");
        assertThat(summary.path("lines").get(0).path("closed").asInt()).isEqualTo(1);
        assertThat(summary.path("lines").get(1).path("closed").asInt()).isEqualTo(1);

        BlueCherryHttp.Response again = ship(shipment(PICK, "000000102", "N", Map.of(2, 1)));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("errors").get(0).path("errorMessage").asText())
                .isEqualTo("pick_num 100245: pick ticket is CLOSED and can no longer be shipped");
    }

    @Test
    void cmplCodeYCanBeConfiguredToKeepTheRemainderOpen() {
        http.control("PUT", "/config", Map.of("cmplCodeClosesRemainder", false));
        assertThat(ship(shipment(PICK, "000000101", "Y", Map.of(1, 1))).status()).isEqualTo(200);
        assertThat(pickSummary().path("status").asText()).isEqualTo("PARTIAL");
        assertThat(ship(shipment(PICK, "000000102", "N", Map.of(1, 1, 2, 1))).status()).isEqualTo(200);
        assertThat(pickSummary().path("status").asText()).isEqualTo("SHIPPED");
    }

    @Test
    void cartonNumberMustBeAnSsccWithAValidCheckDigit() {
        String valid = BlueCherryFixtures.sscc(101);
        String wrongCheckDigit = valid.substring(0, 19) + ((valid.charAt(19) - '0' + 1) % 10);
        assertThat(refused(r -> carton(r).put("carton_num", wrongCheckDigit))).contains(
                "pick_num 100245: carton_num '" + wrongCheckDigit + "' must be a 20-digit SSCC with a valid GS1 check digit");
        assertThat(refused(r -> carton(r).put("carton_num", "0001234"))).contains(
                "pick_num 100245: carton_num '0001234' must be a 20-digit SSCC with a valid GS1 check digit");
    }

    @Test
    void unitsOfMeasureAreCheckedWithBlueCherrysOwnMessages() {
        assertThat(refused(r -> r.put("volume_uom", "EA"))).containsExactly("EA is not a valid Volume Unit of Measurement");
        assertThat(refused(r -> r.put("weight_uom", "EA"))).containsExactly("EA is not a valid Weight Unit of Measurement");
        assertThat(refused(r -> carton(r).put("weight_uom", "U"))).containsExactly("U is not a valid Weight Unit of Measurement");
    }

    @Test
    void unitOfMeasureListsAreConfigurable() {
        http.control("PUT", "/config", Map.of("weightUoms", List.of("KG"), "volumeUoms", List.of("M3", "EA")));
        Map<String, Object> record = shipment(PICK, "000000101", "N", Map.of(1, 2, 2, 1));
        record.put("weight_uom", "KG");
        record.put("volume_uom", "EA");
        carton(record).put("weight_uom", "KG");
        carton(record).put("volume_uom", "M3");
        assertThat(ship(record).status()).isEqualTo(200);
    }

    @Test
    void trackingAndTrailerNumbersAreCheckedWithBlueCherrysOwnMessages() {
        assertThat(refused(r -> carton(r).put("track_no", "not valid!"))).containsExactly(
                "Not a valid tracking number. Either valid tracking number is required or do not send a value");
        assertThat(refused(r -> carton(r).put("trailer_num", "#"))).containsExactly(
                "not a valid carrier trailer number. Either valid trailer number is required or do not send a value");

        Map<String, Object> noTracking = shipment(PICK, "000000101", "N", Map.of(1, 2, 2, 1));
        carton(noTracking).remove("track_no");
        carton(noTracking).put("trailer_num", "TRL-4711");
        assertThat(ship(noTracking).status()).isEqualTo(200);
    }

    @Test
    void requiredFieldsAndFormats() {
        assertThat(refused(r -> r.remove("ship_date"))).containsExactly("pick_num 100245: ship_date is required");
        assertThat(refused(r -> r.put("ship_date", "2024-05-02"))).containsExactly(
                "pick_num 100245: ship_date '2024-05-02' must be a date in MM/DD/YYYY format");
        assertThat(refused(r -> r.remove("load_id"))).containsExactly("pick_num 100245: load_id is required");
        assertThat(refused(r -> r.put("trans_type", "Z"))).containsExactly(
                "pick_num 100245: trans_type 'Z' is not a valid transportation method (valid: A, M, R, C, E, H, L, P, S, U)");
        assertThat(refused(r -> r.put("cmpl_code", "X"))).containsExactly("pick_num 100245: cmpl_code 'X' must be Y or N");
        assertThat(refused(r -> shippedLine(r).remove("upc"))).contains("pick_num 100245 line_seq 1: upc is required");
        assertThat(refused(r -> r.remove("pickDetail"))).contains("pick_num 100245: pickDetail must contain at least one line");
    }

    @Test
    void unknownShipperAndLocationAreRefused() {
        assertThat(refused(r -> r.put("shipper", "ZZZ"))).containsExactly("pick_num 100245: shipper 'ZZZ' does not exist in Shipper");
        assertThat(refused(r -> {
            r.put("location", "XX");
            r.put("shipfrom", "XX");
        })).containsExactly("pick_num 100245: location 'XX' does not exist in Location",
                "pick_num 100245: shipfrom 'XX' does not exist in Location",
                "pick_num 100245: location 'XX' does not match the pick's location 'NJ'");
    }

    @Test
    void shippedLinesMustMatchThePickLines() {
        assertThat(refused(r -> shippedLine(r).put("upc", "999999999999"))).contains(
                "pick_num 100245 line_seq 1: upc '999999999999' does not match the pick line's upc '" + UPC_M + "'");
        assertThat(refused(r -> shippedLine(r).put("color_code", "RED"))).contains(
                "pick_num 100245 line_seq 1: style 01234 color RED size M does not match the pick line (style 01234 color BLK size M)");
        assertThat(refused(r -> shippedLine(r).put("line_seq", 9))).contains("pick_num 100245 line_seq 9: no such line on the pick");
    }

    @Test
    void overShipmentIsRefused() {
        assertThat(refused(r -> {
            shippedLine(r).put("size_qty", 3);
            @SuppressWarnings("unchecked")
            Map<String, Object> packed = ((List<Map<String, Object>>) carton(r).get("cartonDetail")).get(0);
            packed.put("ship_qty", 3);
        })).containsExactly("pick_num 100245 line_seq 1: size_qty 3 exceeds the open quantity 2");
    }

    @Test
    void cartonsMustHoldWhatPickDetailShips() {
        assertThat(refused(r -> shippedLine(r).put("size_qty", 1))).containsExactly(
                "pick_num 100245 line_seq 1: cartons hold 2 units but pickDetail size_qty is 1");
    }

    @Test
    void closedAndUnknownPicksCannotShip() {
        http.control("POST", "/picks/" + PICK + "/void");
        BlueCherryHttp.Response r = ship(shipment(PICK, "000000101", "N", Map.of(1, 2)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("errorMessage").asText())
                .isEqualTo("pick_num 100245: pick ticket is VOID and can no longer be shipped");

        BlueCherryHttp.Response unknown = ship(shipment("777", "000000102", "N", Map.of(1, 1)));
        assertThat(unknown.json().path("errors").get(0).path("errorMessage").asText()).isEqualTo("pick_num 777: pick ticket does not exist");
    }

    @Test
    void duplicateIsaNumIsRefusedByDefault() {
        long pkey = ship(shipment(PICK, "000000101", "N", Map.of(1, 1))).json().path("pkey").asLong();
        BlueCherryHttp.Response again = ship(shipment(PICK, "000000101", "N", Map.of(1, 1)));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("errors").get(0).path("errorMessage").asText())
                .isEqualTo("Duplicate isa_num 000000101 (pick_num 100245): already received as pkey " + pkey);
        assertThat(pickSummary().path("lines").get(0).path("shipped").asInt()).isEqualTo(1);
    }

    @Test
    void duplicateIsaNumCanBeAcceptedIdempotently() {
        http.control("PUT", "/config", Map.of("duplicatePolicy", "ACCEPT"));
        long pkey = ship(shipment(PICK, "000000101", "N", Map.of(1, 1))).json().path("pkey").asLong();
        BlueCherryHttp.Response again = ship(shipment(PICK, "000000101", "N", Map.of(1, 1)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("pkey").asLong()).isEqualTo(pkey);
        assertThat(pickSummary().path("lines").get(0).path("shipped").asInt()).isEqualTo(1);
        assertThat(http.control("GET", "/shipments")).hasSize(1);
        assertThat(http.control("GET", "/invoices")).hasSize(1);
    }

    @Test
    void errorBodyShapesAreSelectable() {
        Map<String, Object> bad = shipment(PICK, "000000101", "N", Map.of(1, 2, 2, 1));
        bad.put("weight_uom", "EA");
        bad.put("volume_uom", "EA");
        String weight = "EA is not a valid Weight Unit of Measurement";
        String volume = "EA is not a valid Volume Unit of Measurement";

        JsonNode errorMessage = ship(bad).json();
        assertThat(errorMessage.path("errors")).extracting(e -> e.path("errorMessage").asText()).containsExactly(weight, volume);

        http.control("PUT", "/config", Map.of("errorShape", "ERRORS_MESSAGE"));
        JsonNode errorsMessage = ship(bad).json();
        assertThat(errorsMessage.path("errors")).extracting(e -> e.path("message").asText()).containsExactly(weight, volume);

        http.control("PUT", "/config", Map.of("errorShape", "MESSAGE_ARRAY"));
        JsonNode messageArray = ship(bad).json();
        assertThat(messageArray.path("message")).extracting(e -> e.path("message").asText()).containsExactly(weight, volume);

        http.control("PUT", "/config", Map.of("errorShape", "MESSAGE"));
        BlueCherryHttp.Response plain = ship(bad);
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.json().path("message").asText()).isEqualTo(weight + "; " + volume);
    }

    @Test
    void bodiesThatAreNotJsonArraysAreRefused() {
        BlueCherryHttp.Response notArray = http.post("OrderShipment", Map.of("pick_num", PICK));
        assertThat(notArray.status()).isEqualTo(400);
        assertThat(notArray.json().path("errors").get(0).path("errorMessage").asText())
                .isEqualTo("The request body must be a JSON array of records");
        assertThat(http.post("OrderShipment", "[{").status()).isEqualTo(400);
        assertThat(http.post("OrderShipment", "[]").json().path("errors").get(0).path("errorMessage").asText())
                .isEqualTo("The request body must contain at least one record");
    }
}
