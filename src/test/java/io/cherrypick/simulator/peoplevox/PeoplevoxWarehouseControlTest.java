package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The control API: seed, state, status machine, despatch, stock, returns, config, reset, HTML view. */
class PeoplevoxWarehouseControlTest extends PeoplevoxTestSupport {

    @Autowired
    PeoplevoxSimulator simulator;

    @BeforeEach
    void setUp() {
        soap.login();
        seedItems("A1", "B2");
        seedStock("A1", "PrimarySite", 10);
        seedStock("B2", "PrimarySite", 10);
    }

    private JsonNode stock(String itemCode) {
        for (JsonNode level : controlOk(HttpMethod.GET, "/state", null).get("stock")) {
            if (level.get("itemCode").asText().equals(itemCode) && level.get("site").asText().equals("PrimarySite")) {
                return level;
            }
        }
        throw new AssertionError("no stock for " + itemCode);
    }

    @Test
    void stateShowsTheSeedDefaults() {
        controlOk(HttpMethod.POST, "/reset", null);
        JsonNode state = controlOk(HttpMethod.GET, "/state", null);
        assertThat(state.get("sites")).extracting(site -> site.get("Reference").asText())
                .containsExactly("PrimarySite", "LondonSite", "SystemSite");
        assertThat(state.get("carriers")).extracting(c -> c.get("Name").asText())
                .containsExactly("UPS", "FedEx", "DHL", "Royal Mail");
        assertThat(state.get("serviceTypes")).extracting(s -> s.get("Name").asText())
                .containsExactly("UPS Ground", "FedEx Express", "DHL Parcel UK", "Royal Mail Tracked 48");
        for (String key : List.of("items", "stock", "salesOrders", "despatches", "returns", "expectedReturns",
                "subscriptions")) {
            assertThat(state.get(key)).as(key).isEmpty();
        }
    }

    @Test
    void seedAddsMasterDataWithTemplateValidation() {
        JsonNode state = controlOk(HttpMethod.POST, "/seed", Map.of(
                "sites", List.of(Map.of("Name", "Leeds", "Reference", "LeedsSite")),
                "carriers", List.of(Map.of("Name", "Evri", "Reference", "EVRI")),
                "serviceTypes", List.of(Map.of("Carrier", "Evri", "Name", "Evri 48", "Code", "E48")),
                "items", List.of(Map.of("ItemCode", "C3", "Name", "Hat", "Barcode", "333", "Weight", 0.2)),
                "stock", List.of(Map.of("itemCode", "C3", "site", "LeedsSite", "onHand", 4))));
        assertThat(state.get("items")).extracting(i -> i.get("ItemCode").asText()).contains("C3");
        assertThat(state.get("stock")).anySatisfy(level -> {
            assertThat(level.get("itemCode").asText()).isEqualTo("C3");
            assertThat(level.get("site").asText()).isEqualTo("LeedsSite");
            assertThat(level.get("onHand").asInt()).isEqualTo(4);
            assertThat(level.get("available").asInt()).isEqualTo(4);
        });

        ResponseEntity<JsonNode> duplicate = control(HttpMethod.POST, "/seed",
                Map.of("items", List.of(Map.of("ItemCode", "D4", "Barcode", "333"))));
        assertThat(duplicate.getStatusCode().value()).isEqualTo(400);
        assertThat(duplicate.getBody().get("error").asText()).contains("Barcode '333' is already used by item 'C3'");
    }

    @Test
    void advancingWalksThroughEveryStateAndDespatchConsumesStock() {
        createOrder("SO-1", 1, "A1", "3", "B2", "1");
        assertThat(order("SO-1").get("status").asText()).isEqualTo("New");

        JsonNode allocated = advance("SO-1", Map.of("to", "Allocated")).get("order");
        assertThat(allocated.get("status").asText()).isEqualTo("Allocated");
        assertThat(stock("A1").get("allocated").asInt()).isEqualTo(3);
        assertThat(stock("A1").get("available").asInt()).isEqualTo(7);
        assertThat(stock("A1").get("onHand").asInt()).isEqualTo(10);

        JsonNode despatched = advance("SO-1", Map.of("to", "Despatched", "carrier", "UPS", "serviceType", "UPS Ground"));
        assertThat(despatched.get("order").get("status").asText()).isEqualTo("Despatched");
        JsonNode despatch = despatched.get("despatch");
        assertThat(despatch.get("despatchNumber").asText()).isEqualTo("DES000001");
        assertThat(despatch.get("carrier").asText()).isEqualTo("UPS");
        assertThat(despatch.get("serviceType").asText()).isEqualTo("UPS Ground");
        assertThat(despatch.get("packages")).hasSize(1);
        assertThat(despatch.get("trackingNumber").asText()).matches("1Z[0-9A-Z]{16}");
        assertThat(despatch.get("packages").get(0).get("lines")).hasSize(2);

        assertThat(stock("A1").get("onHand").asInt()).isEqualTo(7);
        assertThat(stock("A1").get("allocated").asInt()).isZero();
        assertThat(stock("A1").get("available").asInt()).isEqualTo(7);
        JsonNode lines = order("SO-1").get("lines");
        assertThat(lines.get(0).get("despatched").asInt()).isEqualTo(3);
        assertThat(lines.get(1).get("despatched").asInt()).isEqualTo(1);
    }

    /** The floor the demo's warehouse works on: open orders and only the latest settled ones, so it never grows. */
    @Test
    void theFloorShowsOpenOrdersAndOnlyTheLatestSettledOnes() {
        createOrder("SO-1", 0, "A1", "1");
        createOrder("SO-2", 0, "A1", "1");
        createOrder("SO-3", 0, "B2", "1");
        advance("SO-1", Map.of("to", "Despatched", "carrier", "UPS", "serviceType", "UPS Ground"));
        advance("SO-2", Map.of("to", "Despatched", "carrier", "UPS", "serviceType", "UPS Ground"));

        JsonNode floor = controlOk(HttpMethod.GET, "/floor?recentSettled=1", null);
        assertThat(floor.get("salesOrders")).extracting(o -> o.get("salesOrderNumber").asText())
                .as("the open one, then the one settled last").containsExactly("SO-3", "SO-2");
        assertThat(floor.get("salesOrders").get(1).get("status").asText()).isEqualTo("Despatched");
        assertThat(floor.get("stock")).isNotEmpty();
        assertThat(floor.has("expectedReturns")).isTrue();
        assertThat(floor.has("items")).as("nothing else").isFalse();
        assertThat(controlOk(HttpMethod.GET, "/floor", null).get("salesOrders")).as("1,000 settled by default").hasSize(3);
    }

    @Test
    void partialDespatchKeepsTheOrderPackedUntilEverythingShipped() {
        createOrder("SO-1", 0, "A1", "3");
        JsonNode first = advance("SO-1", Map.of("to", "Despatched", "packages", List.of(Map.of(
                "trackingNumber", "T-1", "weight", 1.2, "lines", List.of(Map.of("itemCode", "A1", "quantity", 2))))));
        assertThat(first.get("order").get("status").asText()).isEqualTo("Packed");
        assertThat(first.get("order").get("lines").get(0).get("despatched").asInt()).isEqualTo(2);
        assertThat(first.get("despatch").get("trackingNumber").asText()).isEqualTo("T-1");
        assertThat(stock("A1").get("onHand").asInt()).isEqualTo(8);
        assertThat(stock("A1").get("allocated").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> tooMuch = control(HttpMethod.POST, "/orders/SO-1/advance", Map.of("to", "Despatched",
                "packages", List.of(Map.of("lines", List.of(Map.of("itemCode", "A1", "quantity", 2))))));
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(409);
        assertThat(tooMuch.getBody().get("error").asText())
                .isEqualTo("Sales order 'SO-1' has 1 of item 'A1' left to despatch, not 2");

        JsonNode rest = advance("SO-1", Map.of("to", "Despatched"));
        assertThat(rest.get("order").get("status").asText()).isEqualTo("Despatched");
        assertThat(rest.get("despatch").get("despatchNumber").asText()).isEqualTo("DES000002");
        assertThat(controlOk(HttpMethod.GET, "/state", null).get("despatches")).hasSize(2);
        assertThat(stock("A1").get("onHand").asInt()).isEqualTo(7);
        assertThat(stock("A1").get("allocated").asInt()).isZero();
    }

    @Test
    void goingBackwardsOrAdvancingACancelledOrderIsAConflict() {
        createOrder("SO-1", 0, "A1", "1");
        advance("SO-1", Map.of("to", "Packed"));
        ResponseEntity<JsonNode> back = control(HttpMethod.POST, "/orders/SO-1/advance", Map.of("to", "Picking"));
        assertThat(back.getStatusCode().value()).isEqualTo(409);
        assertThat(back.getBody().get("error").asText())
                .isEqualTo("Sales order 'SO-1' is Packed and cannot go back to Picking");

        createOrder("SO-2", 1, "A1", "1");
        soap.saveData("Sales orders", "SalesOrderNumber,Status\nSO-2,Cancelled\n");
        ResponseEntity<JsonNode> cancelled = control(HttpMethod.POST, "/orders/SO-2/advance", Map.of("to", "Allocated"));
        assertThat(cancelled.getStatusCode().value()).isEqualTo(409);
        assertThat(cancelled.getBody().get("error").asText())
                .isEqualTo("Sales order 'SO-2' is Cancelled and cannot be advanced");

        assertThat(control(HttpMethod.POST, "/orders/SO-404/advance", Map.of("to", "Packed")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(control(HttpMethod.GET, "/orders/SO-404", null).getStatusCode().value()).isEqualTo(404);
        assertThat(control(HttpMethod.POST, "/orders/SO-1/advance", Map.of("to", "Shipped")).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void allocationNeedsStock() {
        createOrder("SO-1", 1, "A1", "11");
        ResponseEntity<JsonNode> response = control(HttpMethod.POST, "/orders/SO-1/advance", Map.of("to", "Allocated"));
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("error").asText()).isEqualTo(
                "Sales order 'SO-1' cannot be allocated: item 'A1' needs 11 at site 'PrimarySite', 10 available");
        assertThat(order("SO-1").get("status").asText()).isEqualTo("New");
    }

    @Test
    void stockChangesByDeltaOrCount() {
        JsonNode delta = controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "PrimarySite", "delta", -3));
        assertThat(delta.get("onHand").asInt()).isEqualTo(7);
        JsonNode count = controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "Primary", "onHand", 12));
        assertThat(count.get("onHand").asInt()).isEqualTo(12);
        assertThat(count.get("site").asText()).isEqualTo("PrimarySite");
        assertThat(control(HttpMethod.POST, "/stock", Map.of("itemCode", "NOPE", "delta", 1)).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void receivingAReusableReturnAddsStock() {
        createOrder("SO-1", 0, "A1", "2");
        advance("SO-1", Map.of("to", "Despatched"));
        soap.saveData("Returns", "RmaNumber,SalesOrderNumber,ItemCode,Quantity,ReturnReason\nRMA-7,SO-1,A1,2,Too big\n");

        JsonNode received = controlOk(HttpMethod.POST, "/returns/receive", Map.of("salesOrderNumber", "SO-1",
                "rmaNumber", "RMA-7", "itemCode", "A1", "quantity", 1, "condition", "Good", "reusable", true));
        assertThat(received.get("returnCode").asText()).isEqualTo("RET000001");
        assertThat(received.get("reason").asText()).isEqualTo("Too big");
        assertThat(received.get("siteReference").asText()).isEqualTo("PrimarySite");
        assertThat(stock("A1").get("onHand").asInt()).isEqualTo(9);

        JsonNode damaged = controlOk(HttpMethod.POST, "/returns/receive", Map.of("salesOrderNumber", "SO-1",
                "itemCode", "A1", "quantity", 1, "reason", "Broken", "condition", "Damaged", "reusable", false));
        assertThat(damaged.get("returnCode").asText()).isEqualTo("RET000002");
        assertThat(stock("A1").get("onHand").asInt()).isEqualTo(9);

        JsonNode state = controlOk(HttpMethod.GET, "/state", null);
        assertThat(state.get("returns")).hasSize(2);
        assertThat(state.get("expectedReturns").get(0).get("received").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> tooMany = control(HttpMethod.POST, "/returns/receive", Map.of(
                "salesOrderNumber", "SO-1", "itemCode", "A1", "quantity", 1));
        assertThat(tooMany.getStatusCode().value()).isEqualTo(409);
        assertThat(control(HttpMethod.POST, "/returns/receive", Map.of("salesOrderNumber", "SO-1", "rmaNumber",
                "RMA-X", "itemCode", "A1")).getBody().get("error").asText()).isEqualTo("RMA 'RMA-X' does not exist");
    }

    @Test
    void configCanBeReadChangedAndIsResetWithTheState() {
        JsonNode config = controlOk(HttpMethod.GET, "/config", null);
        assertThat(config.get("idleTimeoutSeconds").asLong()).isEqualTo(1800);
        assertThat(config.get("rateLimitEnabled").asBoolean()).isFalse();
        assertThat(config.get("rateLimitRequests").asInt()).isEqualTo(15);
        assertThat(config.get("rateLimitWindowSeconds").asInt()).isEqualTo(15);
        assertThat(config.get("pageCap").asInt()).isEqualTo(1000);
        assertThat(config.get("statusNames").get("PICKING").asText()).isEqualTo("Picking");
        assertThat(config.get("templates").get("Sales orders").get(0).asText()).isEqualTo("SalesOrderNumber");

        config(Map.of("statusNames", Map.of("PICKING", "Being picked"), "pageCap", 50));
        createOrder("SO-1", 0, "A1", "1");
        assertThat(advance("SO-1", Map.of("to", "Being picked")).get("order").get("status").asText())
                .isEqualTo("Being picked");
        assertThat(controlOk(HttpMethod.GET, "/config", null).get("pageCap").asInt()).isEqualTo(50);

        ResponseEntity<JsonNode> invalid = control(HttpMethod.PUT, "/config", Map.of("duplicateRate", 2));
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().get("error").asText()).isEqualTo("duplicateRate must be between 0.0 and 1.0");

        controlOk(HttpMethod.POST, "/reset", null);
        assertThat(controlOk(HttpMethod.GET, "/config", null).get("pageCap").asInt()).isEqualTo(1000);
        assertThat(controlOk(HttpMethod.GET, "/state", null).get("salesOrders")).isEmpty();
        // Sessions are gone after a reset.
        assertThat(soap.getSaveTemplate("Sites").detail()).isEqualTo("System : Security - Invalid Session");
    }

    @Test
    void theSimulatorBeanMirrorsTheControlApi() {
        createOrder("SO-1", 0, "A1", "1");
        assertThat(simulator.order("SO-1").status()).isEqualTo("Allocated");
        simulator.advance("SO-1", new SimulatorRequests.Advance("Despatched", null, null, null));
        assertThat(simulator.state().despatches()).hasSize(1);
        assertThat(simulator.calls("SaveData", "Sales orders")).hasSize(1);
    }

    @Test
    void htmlViewShowsTheState() {
        createOrder("SO-<1>", 0, "A1", "1");
        String page = rest.getForObject("/sim/peoplevox", String.class);
        assertThat(page).contains("<h1>Peoplevox simulator</h1>").contains("SO-&lt;1&gt;").contains("Allocated")
                .contains("PrimarySite");
    }
}
