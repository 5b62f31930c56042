package io.cherrypick.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.cherrypick.simulator.SimulatorHttpTest;
import io.cherrypick.simulator.scenario.PeoplevoxControl.Advance;
import io.cherrypick.simulator.scenario.PeoplevoxControl.ReturnReceipt;
import io.cherrypick.simulator.scenario.PeoplevoxControl.SalesOrder;
import io.cherrypick.simulator.scenario.PeoplevoxControl.StockMovement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP control clients' request shapes, over real HTTP against the recording stand-in endpoints. */
@SimulatorHttpTest
class HttpControlsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @LocalServerPort
    int port;
    @Autowired
    RestClient.Builder restClientBuilder;
    @Autowired
    RecordingControlEndpoints recorder;

    private HttpPeoplevoxControl peoplevox;
    private HttpBlueCherryControl blueCherry;

    @BeforeEach
    void setUp() {
        recorder.reset();
        String base = "http://localhost:" + port + "/recorder";
        peoplevox = new HttpPeoplevoxControl(restClientBuilder.build(), () -> base);
        blueCherry = new HttpBlueCherryControl(restClientBuilder.build(), () -> base);
    }

    @Test
    void scenarioSetUpAndOrdersReachTheControlEndpointsInOrder() {
        ScenarioGenerator scenario = new ScenarioGenerator(new ScenarioProperties(), peoplevox, blueCherry, CLOCK);
        List<GeneratedPick> picks = scenario.createOrders(4, 0.5);

        assertThat(recorder.paths()).containsExactly(
                "POST /sim/bluecherry/_control/locations",
                "POST /sim/bluecherry/_control/styles",
                "POST /sim/peoplevox/_control/seed",
                "POST /sim/bluecherry/_control/picks");
        JsonNode sentPicks = recorder.only("POST", "/sim/bluecherry/_control/picks").body();
        assertThat(sentPicks.isArray()).isTrue();
        assertThat(sentPicks).hasSize(4);
        assertThat(sentPicks.findValuesAsText("pick_num")).containsExactlyElementsOf(picks.stream().map(GeneratedPick::pickNum).toList());
    }

    @Test
    void locationsAreSentInTheLocationShape() {
        blueCherry.createLocations(List.of(ScenarioGenerator.UNMAPPED_LOCATION));
        JsonNode body = recorder.only("POST", "/sim/bluecherry/_control/locations").body();
        assertThat(body.toString()).isEqualTo("[{\"location\":\"MIA\",\"loc_name\":\"Miami DC\",\"loc_type\":\"W\"}]");
    }

    @Test
    void stylesAreSentInTheStyleShapeWithSizeRows() {
        ScenarioGenerator scenario = new ScenarioGenerator(new ScenarioProperties(), peoplevox, blueCherry, CLOCK);
        CatalogueStyle style = scenario.catalogue().styles().get(0);
        blueCherry.createStyles(List.of(style));

        JsonNode sent = recorder.only("POST", "/sim/bluecherry/_control/styles").body().get(0);
        assertThat(sent.get("style").asText()).isEqualTo(style.style());
        assertThat(sent.get("style_name").asText()).isEqualTo(style.styleName());
        assertThat(sent.get("style_desc").asText()).isEqualTo(style.styleDesc());
        for (int i = 1; i <= 8; i++) {
            assertThat(sent.get("group_code" + i).asText()).isEqualTo(style.groupCodes().get(i - 1));
        }
        JsonNode detail = sent.get("styledetail").get("rows").get(0);
        assertThat(detail.get("division").asText()).isEqualTo(style.division());
        assertThat(detail.get("season").asText()).isEqualTo(style.season());
        assertThat(detail.get("third_party_item").asText()).isEqualTo(style.thirdPartyItem());
        assertThat(detail.get("std_cost").decimalValue()).isEqualByComparingTo(style.stdCost());
        assertThat(detail.get("gar_wgt").decimalValue()).isEqualByComparingTo(style.garWgt());
        assertThat(detail.get("catg_dest1").asText()).isEqualTo("WEB");
        JsonNode sizes = detail.get("stylecolorsizes").get("rows-i");
        assertThat(sizes).hasSize(style.skus().size());
        CatalogueSku sku = style.skus().get(0);
        assertThat(sizes.get(0).toString()).isEqualTo("{\"color_code\":\"" + sku.colorCode() + "\",\"lbl_code\":\""
                + sku.lblCode() + "\",\"dimension\":\"" + sku.dimension() + "\",\"size_desc\":\"" + sku.sizeDesc()
                + "\",\"upc\":\"" + sku.upc() + "\",\"ean\":\"" + sku.ean() + "\"}");
    }

    @Test
    void picksAreSentInThePickShape() {
        ScenarioGenerator scenario = new ScenarioGenerator(new ScenarioProperties(), peoplevox, blueCherry, CLOCK);
        Catalogue catalogue = scenario.catalogue();
        GeneratedPick pick = new OrderGenerator(catalogue, new SplittableRandom(3), CLOCK, 100_001)
                .generate(1, 0.0).get(0);
        blueCherry.createPicks(List.of(pick));

        JsonNode sent = recorder.only("POST", "/sim/bluecherry/_control/picks").body().get(0);
        assertThat(fieldNames(sent)).containsExactly("pick_num", "ord_num", "po_num", "altpo", "customer", "division",
                "location", "pick_date", "end_date", "ord_type", "ord_status", "shipper", "curr_code", "frgt_amt",
                "tax_amt", "disc_amt", "pickaddress", "pickdetail");
        assertThat(sent.get("pick_num").asText()).isEqualTo("100001");
        assertThat(sent.get("ord_status").asText()).isEqualTo("O");
        assertThat(sent.get("pick_date").asText()).isEqualTo("2026-11-26 10:00:00");
        assertThat(sent.get("end_date").asText()).matches("2026-1[12]-\\d{2} 00:00:00");

        JsonNode addresses = sent.get("pickaddress").get("rows");
        assertThat(addresses.findValuesAsText("addr_type")).containsExactly("BT", "ST");
        assertThat(fieldNames(addresses.get(0))).containsExactly("addr_type", "name", "addr1", "addr2", "city", "state",
                "zipcode", "country", "email", "contact");
        assertThat(addresses.get(1).get("name").asText()).isEqualTo(pick.shipTo().name());

        JsonNode lines = sent.get("pickdetail").get("rows");
        assertThat(lines).hasSize(pick.lines().size());
        JsonNode line = lines.get(0);
        PickLine expected = pick.lines().get(0);
        assertThat(fieldNames(line)).containsExactly("line_seq", "style", "color_code", "org_color", "lbl_code",
                "dimension", "size_desc", "upc", "price", "bk_qty", "total_qty", "location", "division");
        assertThat(line.get("line_seq").asInt()).isEqualTo(1);
        assertThat(line.get("upc").asText()).isEqualTo(expected.upc());
        assertThat(line.get("org_color").asText()).isEqualTo(expected.colorCode());
        assertThat(line.get("bk_qty").asInt()).isEqualTo(expected.bkQty());
        assertThat(line.get("total_qty").asInt()).isEqualTo(expected.bkQty());
        assertThat(line.get("price").decimalValue()).isEqualByComparingTo(expected.price());
    }

    @Test
    void returnAuthorisationsAreSentWithRadetailRows() {
        ReturnAuthorisation ra = new ReturnAuthorisation("RA500001", "40001", "100001", "WEB01", "NJ", "WS",
                LocalDate.of(2026, 11, 30), List.of(new ReturnAuthorisation.Line(1, "01001", "BLK", "", "", "M", "084521000017", 1)));
        blueCherry.createReturnAuthorisations(List.of(ra));
        JsonNode sent = recorder.only("POST", "/sim/bluecherry/_control/return-authorisations").body();
        assertThat(sent.toString()).isEqualTo("[{\"ra_num\":\"RA500001\",\"ord_num\":\"40001\",\"pick_num\":\"100001\","
                + "\"customer\":\"WEB01\",\"location\":\"NJ\",\"reason_code\":\"WS\",\"ra_date\":\"2026-11-30 00:00:00\","
                + "\"radetail\":{\"rows\":[{\"line_seq\":1,\"style\":\"01001\",\"color_code\":\"BLK\",\"lbl_code\":\"\","
                + "\"dimension\":\"\",\"size_desc\":\"M\",\"upc\":\"084521000017\",\"ra_qty\":1}]}}]");
    }

    @Test
    void peoplevoxSeedUsesTemplateFieldNamesForItemsAndSites() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setStyles(1);
        new ScenarioGenerator(properties, peoplevox, blueCherry, CLOCK).createCatalogue();
        JsonNode seed = recorder.only("POST", "/sim/peoplevox/_control/seed").body();
        assertThat(seed.get("sites").toString())
                .isEqualTo("[{\"Reference\":\"PrimarySite\",\"Name\":\"Primary\"},{\"Reference\":\"LondonSite\",\"Name\":\"London\"}]");
        JsonNode item = seed.get("items").get(0);
        assertThat(fieldNames(item)).containsExactly("ItemCode", "Name", "Barcode", "Description", "RetailPrice", "Weight");
        assertThat(item.get("ItemCode").asText()).isEqualTo(item.get("Barcode").asText()).matches("\\d{12}");
        assertThat(fieldNames(seed.get("stock").get(0))).containsExactly("itemCode", "site", "onHand");
    }

    @Test
    void stateIsReadIgnoringFieldsTheScenarioDoesNotUse() {
        recorder.answerStateWith("""
                {"salesOrders":[{"salesOrderNumber":"100245","status":"Packed","site":"LondonSite","createdAt":"x",
                  "fields":{"ServiceType":"Royal Mail Tracked 48","Email":"a@example.com"},
                  "lines":[{"line":1,"itemCode":"084521000017","quantity":2,"despatched":null,"sequence":1}]}],
                 "items":[{"ItemCode":"084521000017"}],"stock":[],"events":[]}
                """);
        List<SalesOrder> orders = peoplevox.state().salesOrders();
        assertThat(orders).hasSize(1);
        SalesOrder order = orders.get(0);
        assertThat(order.salesOrderNumber()).isEqualTo("100245");
        assertThat(order.field("ServiceType")).isEqualTo("Royal Mail Tracked 48");
        assertThat(order.lines().get(0).line()).isEqualTo("1");
        assertThat(order.lines().get(0).remaining()).isEqualTo(2);
    }

    @Test
    void advancesSendOnlyTheTargetUntilDespatch() {
        peoplevox.advanceOrder("100245", Advance.to("Allocated"));
        peoplevox.advanceOrder("SO 7", Advance.to("Picking"));   // Tomcat refuses an encoded slash, so no "/" here
        peoplevox.advanceOrder("100245", new Advance("Despatched", "Royal Mail", "Royal Mail Tracked 48",
                List.of(new PeoplevoxControl.DespatchPackage("AB123456785GB", new BigDecimal("0.65"),
                        List.of(new PeoplevoxControl.PackageLine("084521000017", 2))))));

        List<RecordingControlEndpoints.RecordedCall> calls = recorder.calls();
        assertThat(calls.get(0).path()).isEqualTo("/sim/peoplevox/_control/orders/100245/advance");
        assertThat(calls.get(0).body().toString()).isEqualTo("{\"to\":\"Allocated\"}");
        assertThat(calls.get(1).path()).isEqualTo("/sim/peoplevox/_control/orders/SO%207/advance");
        assertThat(calls.get(2).body().toString()).isEqualTo("{\"to\":\"Despatched\",\"carrier\":\"Royal Mail\","
                + "\"serviceType\":\"Royal Mail Tracked 48\",\"packages\":[{\"trackingNumber\":\"AB123456785GB\","
                + "\"weight\":0.65,\"lines\":[{\"itemCode\":\"084521000017\",\"quantity\":2}]}]}");
    }

    @Test
    void anUnannouncedReturnIsSentWithoutRmaNumber() {
        peoplevox.receiveReturn(new ReturnReceipt("100245", null, "084521000017", 1, "Faulty", "Damaged", false));
        assertThat(recorder.only("POST", "/sim/peoplevox/_control/returns/receive").body().has("rmaNumber")).isFalse();
    }

    @Test
    void stockAndReturnReceiptsUseTheContractFieldNames() {
        peoplevox.moveStock(new StockMovement("084521000017", "PrimarySite", -2));
        peoplevox.receiveReturn(new ReturnReceipt("100245", "RA500001", "084521000017", 1, "Wrong size", "Good", true));
        assertThat(recorder.only("POST", "/sim/peoplevox/_control/stock").body().toString())
                .isEqualTo("{\"itemCode\":\"084521000017\",\"site\":\"PrimarySite\",\"delta\":-2}");
        assertThat(recorder.only("POST", "/sim/peoplevox/_control/returns/receive").body().toString())
                .isEqualTo("{\"salesOrderNumber\":\"100245\",\"rmaNumber\":\"RA500001\",\"itemCode\":\"084521000017\","
                        + "\"quantity\":1,\"reason\":\"Wrong size\",\"condition\":\"Good\",\"reusable\":true}");
    }

    @Test
    void warehouseTickDespatchesThroughHttp() {
        recorder.answerStateWith("""
                {"salesOrders":[{"salesOrderNumber":"100245","status":"Packed","site":"LondonSite",
                  "fields":{"ServiceType":"DHL Parcel UK"},
                  "lines":[{"line":"1","itemCode":"084521000017","quantity":1,"despatched":0}]}]}
                """);
        ScenarioProperties properties = new ScenarioProperties();
        properties.setAdvanceProbability(1.0);
        properties.setStockMovementsPerTick(1);
        properties.setReturnProbability(0.0);
        String summary = new ScenarioGenerator(properties, peoplevox, blueCherry, CLOCK).runWarehouseTick();

        assertThat(summary).startsWith("scenario: 1 order advanced (1 despatched), 1 stock movement,");
        JsonNode advance = recorder.only("POST", "/sim/peoplevox/_control/orders/100245/advance").body();
        assertThat(advance.get("to").asText()).isEqualTo("Despatched");
        assertThat(advance.get("carrier").asText()).isEqualTo("DHL");
        assertThat(advance.get("packages").get(0).get("trackingNumber").asText()).startsWith("JD01");
        assertThat(recorder.paths()).contains("POST /sim/peoplevox/_control/stock");
    }

    @Test
    void anErrorAnswerBecomesAControlCallExceptionNamingTheCall() {
        recorder.failWith(503);
        assertThatThrownBy(() -> blueCherry.createLocations(List.of(ScenarioGenerator.UNMAPPED_LOCATION)))
                .isInstanceOf(ControlCallException.class)
                .hasMessage("POST http://localhost:" + port + "/recorder/sim/bluecherry/_control/locations answered 503: "
                        + "{\"message\":\"recorder told to fail\"}");
        assertThatThrownBy(() -> peoplevox.state()).isInstanceOf(ControlCallException.class)
                .hasMessageStartingWith("GET http://localhost:" + port + "/recorder/sim/peoplevox/_control/floor?recentSettled=1000 answered 503");
    }

    @Test
    void anUnreachableSimulatorBecomesAControlCallException() {
        HttpPeoplevoxControl unreachable = new HttpPeoplevoxControl(restClientBuilder.build(), () -> "http://127.0.0.1:1");
        assertThatThrownBy(unreachable::state).isInstanceOf(ControlCallException.class)
                .hasMessageStartingWith("GET http://127.0.0.1:1/sim/peoplevox/_control/floor?recentSettled=1000 failed: ");
    }

    @Test
    void baseUrlDefaultsToThisApplicationsPort() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0").withProperty("local.server.port", "4321");
        assertThat(ScenarioConfiguration.baseUrl("", environment).get()).isEqualTo("http://localhost:4321");
        assertThat(ScenarioConfiguration.baseUrl(null, new MockEnvironment().withProperty("server.port", "8080")).get())
                .isEqualTo("http://localhost:8080");
        assertThat(ScenarioConfiguration.baseUrl(" http://sims.test:9090/ ", environment).get()).isEqualTo("http://sims.test:9090");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
