package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Event subscriptions and webhook delivery to a receiver on the test's own port. */
class PeoplevoxEventsTest extends PeoplevoxTestSupport {

    @BeforeEach
    void setUp() {
        soap.login();
        seedItems("A1", "B2");
        seedStock("A1", "PrimarySite", 10);
        seedStock("B2", "LondonSite", 10);
    }

    private String receiverUrl(String path) {
        return "http://localhost:" + port + "/test/pvx-receiver/" + path;
    }

    private int subscribe(String type, String filter, String url, Boolean encode) {
        SoapTestClient.Response response = soap.subscribeEvent(type, filter, url, encode);
        assertThat(response.responseId()).as(response.detail()).isZero();
        return Integer.parseInt(response.detail());
    }

    private int subscribePost(String type, String filter, String url, String params, Boolean encode) {
        SoapTestClient.Response response = soap.subscribePostEvent(type, filter, url, params, encode);
        assertThat(response.responseId()).as(response.detail()).isZero();
        return Integer.parseInt(response.detail());
    }

    private List<PeoplevoxTestReceiver.Received> awaitReceived(String pathPart, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received(pathPart).size() >= count);
        return received(pathPart);
    }

    private List<PeoplevoxTestReceiver.Received> received(String pathPart) {
        return receiver.received.stream().filter(r -> r.path().contains(pathPart)).toList();
    }

    @Test
    void subscribeEventCallsTheCallbackUrlWithGetAndRenderedPlaceholders() {
        subscribe("AvailabilityChanges", "", receiverUrl("availability")
                + "?sku={ItemCode}&qty={Available}&site={SiteReference}&onhand={OnHand}&nope={NoSuchThing}", null);

        controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "PrimarySite", "delta", -3));

        PeoplevoxTestReceiver.Received call = awaitReceived("availability", 1).get(0);
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.query()).isEqualTo("sku=A1&qty=7&site=PrimarySite&onhand=7&nope=");
    }

    @Test
    void subscribePostEventPostsTheRenderedFormAndAppliesTheFilter() {
        subscribePost("SalesOrderStatusChanges", "site == \"PrimarySite\"", receiverUrl("status"),
                "order={SalesOrderNumber}&status={SalesOrderStatus.Name}&at={LastModificationTime}", false);

        createOrder("SO-1", 1, "A1", "1");
        soap.saveData("Sales orders", "SalesOrderNumber,Site\nSO-LDN,LondonSite\n", 1);
        soap.saveData("Sales order items", "SalesOrderNumber,ItemCode,QuantityOrdered\nSO-LDN,B2,1\n", 1);
        advance("SO-LDN", Map.of("to", "Allocated"));
        advance("SO-1", Map.of("to", "Despatched"));

        List<PeoplevoxTestReceiver.Received> calls = awaitReceived("status", 4);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(call.body()).matches("order=SO-1&status=\\w+&at=\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        });
        assertThat(calls).extracting(call -> call.body().split("&")[1])
                .containsExactly("status=Allocated", "status=Picking", "status=Packed", "status=Despatched");
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(received("status")).hasSize(4); // nothing for the London order
    }

    @Test
    void trackingNumberPlaceholdersAndUrlEncoding() {
        soap.saveData("Sales orders", "SalesOrderNumber,Email\nSO-1,jane+test@example.com\n", 1);
        soap.saveData("Sales order items", "SalesOrderNumber,ItemCode,QuantityOrdered\nSO-1,A1,1\n", 1);
        String template = "?d={DespatchNumber}&t={TrackingNumber}&cn={Carrier.Number}&c={Carrier.Name}"
                + "&s={ServiceType.Name}&sc={ServiceType.Code}&o={Picks.SalesOrder.SalesOrderNumber}"
                + "&e={Picks.SalesOrder.Email}";
        // {Carrier.Name} is no documented placeholder ({Carrier.Number} is): rendered empty, as unknown paths are
        subscribe("TrackingNumberReceived", "", receiverUrl("encoded") + template, true);
        subscribe("TrackingNumberReceived", "", receiverUrl("raw") + template, null);
        subscribePost("TrackingNumberReceived", "", receiverUrl("rawpost"), template.substring(1), false);

        advance("SO-1", Map.of("to", "Despatched", "serviceType", "UPS Ground", "packages", List.of(Map.of(
                "trackingNumber", "1ZTRACK", "lines", List.of(Map.of("itemCode", "A1", "quantity", 1))))));

        String encoded = awaitReceived("encoded", 1).get(0).query();
        assertThat(encoded).isEqualTo("d=DES000001&t=1ZTRACK&cn=UPS&c=&s=UPS+Ground&sc=UPSGND&o=SO-1"
                + "&e=jane%2Btest%40example.com");
        assertThat(URLDecoder.decode(encoded.split("&e=")[1], StandardCharsets.UTF_8)).isEqualTo("jane+test@example.com");
        // Raw values go into the URL as they are; only characters a URL cannot hold (the space) are escaped.
        assertThat(awaitReceived("raw", 1).get(0).query()).isEqualTo("d=DES000001&t=1ZTRACK&cn=UPS&c="
                + "&s=UPS%20Ground&sc=UPSGND&o=SO-1&e=jane+test@example.com");
        assertThat(awaitReceived("rawpost", 1).get(0).body()).isEqualTo("d=DES000001&t=1ZTRACK&cn=UPS&c="
                + "&s=UPS Ground&sc=UPSGND&o=SO-1&e=jane+test@example.com");
    }

    @Test
    void stockPackageReturnAndGoodsInEvents() {
        subscribe("IncrementalChanges", "", receiverUrl("incremental")
                + "?q={QuantityChanged}&by={UpdatedBy}&r={Reason}&n={ItemType.Name}&c={ItemType.ItemCode}"
                + "&ts={UpdateTimestamp}", true);
        subscribe("DespatchPackageDespatched", "", receiverUrl("package")
                + "?d={DespatchNumber}&p={PackageNumber}&t={TrackingNumber}&o={SalesOrderNumber}", true);
        subscribe("DespatchPackageTrackingNumberReceived", "", receiverUrl("pkgtrack") + "?p={PackageNumber}", true);
        subscribe("Returns", "", receiverUrl("returns") + "?rc={ReturnCode}&o={SalesOrderNumber}&i={ItemCode}"
                + "&q={Quantity}&r={ReturnReason}&c={ReturnCondition}&s={SiteReference}&rma={RmaNumber}", true);
        subscribe("OnDespatchOrderReceived", "", receiverUrl("received") + "?o={SalesOrderNumber}", true);
        subscribe("GoodsReceived", "", receiverUrl("goods") + "?id={GoodsInId}&ref={Reference}"
                + "&q={Consignments.ConsignmentItemTypes.Quantity}&c={Consignments.ConsignmentItemTypes.ItemType.ItemCode}",
                true);

        createOrder("SO-1", 0, "A1", "2");
        advance("SO-1", Map.of("to", "Despatched", "packages", List.of(Map.of("trackingNumber", "T1",
                "lines", List.of(Map.of("itemCode", "A1", "quantity", 2))))));
        soap.saveData("Returns", "RmaNumber,SalesOrderNumber,ItemCode,Quantity\nRMA-1,SO-1,A1,1\n");
        controlOk(HttpMethod.POST, "/returns/receive", Map.of("salesOrderNumber", "SO-1", "rmaNumber", "RMA-1",
                "itemCode", "A1", "quantity", 1, "reason", "Too small", "condition", "Good", "reusable", true));
        controlOk(HttpMethod.POST, "/goods-in", Map.of("reference", "GRN-1", "site", "PrimarySite",
                "lines", List.of(Map.of("itemCode", "A1", "quantity", 5), Map.of("itemCode", "B2", "quantity", 3))));

        assertThat(awaitReceived("received", 1).get(0).query()).isEqualTo("o=SO-1");
        assertThat(awaitReceived("package", 1).get(0).query()).as("no public source shows {PackageNumber} or {SalesOrderNumber} for it: unknown, rendered empty")
                .isEqualTo("d=DES000001&p=&t=T1&o=");
        assertThat(awaitReceived("pkgtrack", 1).get(0).query()).isEqualTo("p=");
        assertThat(awaitReceived("returns", 1).get(0).query())
                .isEqualTo("rc=RET000001&o=SO-1&i=A1&q=1&r=Too+small&c=Good&s=PrimarySite&rma=RMA-1");
        assertThat(awaitReceived("goods", 1).get(0).query()).isEqualTo("id=1&ref=GRN-1&q=5%2C3&c=A1%2CB2");
        List<PeoplevoxTestReceiver.Received> incremental = awaitReceived("incremental", 4);
        assertThat(incremental).extracting(call -> call.query().replaceAll("&ts=.*", "")).containsExactly(
                "q=-2&by=simulator&r=Despatch&n=Item+A1&c=A1",
                "q=1&by=simulator&r=Return&n=Item+A1&c=A1",
                "q=5&by=simulator&r=Goods+in&n=Item+A1&c=A1",
                "q=3&by=simulator&r=Goods+in&n=Item+B2&c=B2");
    }

    @Test
    void failedDeliveriesAreRetriedAndLogged() {
        receiver.failuresToAnswer.set(2);
        subscribe("AvailabilityChanges", "ItemCode == \"A1\"", receiverUrl("flaky") + "?qty={Available}", null);
        controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "PrimarySite", "onHand", 4));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode log = controlOk(HttpMethod.GET, "/deliveries", null);
            return log.size() == 1 && log.get(0).get("state").asText().equals("DELIVERED");
        });
        JsonNode entry = controlOk(HttpMethod.GET, "/deliveries", null).get(0);
        assertThat(entry.get("attempts").asInt()).isEqualTo(3);
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.get("method").asText()).isEqualTo("GET");
        assertThat(entry.get("url").asText()).isEqualTo(receiverUrl("flaky") + "?qty=4");
        assertThat(entry.get("eventType").asText()).isEqualTo("AvailabilityChanges");
        assertThat(received("flaky")).hasSize(3);
    }

    @Test
    void unreachableReceiversEndAsFailed() {
        subscribe("AvailabilityChanges", "", "http://localhost:1/nowhere?sku={ItemCode}", null);
        controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "PrimarySite", "delta", 1));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode log = controlOk(HttpMethod.GET, "/deliveries", null);
            return log.size() == 1 && log.get(0).get("state").asText().equals("FAILED");
        });
        JsonNode entry = controlOk(HttpMethod.GET, "/deliveries", null).get(0);
        assertThat(entry.get("attempts").asInt()).isEqualTo(4);
        assertThat(entry.get("error").asText()).isNotBlank();
    }

    @Test
    void duplicateRateDeliversTwice() {
        config(Map.of("duplicateRate", 1.0));
        subscribe("AvailabilityChanges", "", receiverUrl("dup") + "?qty={Available}", null);
        controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "PrimarySite", "onHand", 3));
        assertThat(awaitReceived("dup", 2)).extracting(PeoplevoxTestReceiver.Received::query)
                .containsExactly("qty=3", "qty=3");
        JsonNode log = controlOk(HttpMethod.GET, "/deliveries", null);
        assertThat(log).extracting(entry -> entry.get("duplicate").asBoolean()).containsExactly(false, true);
    }

    @Test
    void reorderRateLetsLaterEventsOvertake() {
        subscribe("AvailabilityChanges", "", receiverUrl("order") + "?qty={Available}", null);
        config(Map.of("reorderRate", 1.0));
        controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "PrimarySite", "onHand", 1));
        config(Map.of("reorderRate", 0.0));
        controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "PrimarySite", "onHand", 2));
        assertThat(awaitReceived("order", 2)).extracting(PeoplevoxTestReceiver.Received::query)
                .containsExactly("qty=2", "qty=1");
    }

    @Test
    void unsubscribedEventsAreNoLongerDelivered() {
        int id = subscribe("AvailabilityChanges", "", receiverUrl("gone") + "?qty={Available}", null);
        controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "PrimarySite", "onHand", 1));
        awaitReceived("gone", 1);
        assertThat(soap.unsubscribe(id).detail()).isEqualTo("True");
        controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "PrimarySite", "onHand", 2));
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertThat(received("gone")).hasSize(1);
    }
}
