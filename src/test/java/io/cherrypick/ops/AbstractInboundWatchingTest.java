package io.cherrypick.ops;

import static io.cherrypick.support.JsonViews.list;
import static io.cherrypick.support.JsonViews.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.ops.alert.Alerter;
import io.cherrypick.store.Timestamps;

/**
 * Watching the inbound flow: purchase orders whose expected date passed with units still expected (the stuck list and
 * the chat alert, with the grace of cherrypick.flows.inbound.stuck-grace), finance's inbound reconciliation (units
 * booked in against units posted to Blue Cherry, per day and site and per purchase order), the purchase order's view
 * and the search box. The purchase orders and deliveries are written to the store directly, at chosen times.
 * Subclasses choose the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cherrypick.flows.inbound.stuck-grace=2h",
        "cherrypick.alerts.link-base=https://cherrypick.example.com"})
@ActiveProfiles("test")
abstract class AbstractInboundWatchingTest {
    static final ChatReceiver CHAT = new ChatReceiver();
    static final DateTimeFormatter BLUE_CHERRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void chat(DynamicPropertyRegistry registry) {
        registry.add("cherrypick.alerts.webhook-url", CHAT::url);
    }

    @LocalServerPort int port;
    @Autowired Alerter alerter;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    RestClient api;

    @BeforeEach
    void startFromNothing() {
        List.of("alert", "alert_subject", "integration_exception", "order_lifecycle", "goods_receipt_credit",
                "goods_receipt", "purchase_order_line", "purchase_order").forEach(t -> jdbc.update("delete from " + t));
        CHAT.reset();
        api = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aPurchaseOrderStillExpectingUnitsPastItsDateAndGraceIsStuckAndToldOnceUntilItIsReceived() throws Exception {
        Instant now = Instant.now();
        po("PO-LATE", "SENT_TO_PEOPLEVOX", expected(now.minus(Duration.ofDays(3))), "2026-11-20T10:00:00Z", 10);
        po("PO-PART", "PARTLY_RECEIVED", expected(now.minus(Duration.ofDays(5))), "2026-11-20T10:00:00Z", 10);
        credit(posted("GI-PART", "PO-PART", 4, "2026-11-20T12:00:00Z", "2026-11-20T12:01:00Z"), "PO-PART", 4);
        po("PO-GRACE", "SENT_TO_PEOPLEVOX", expected(now.minus(Duration.ofMinutes(30))), "2026-11-20T10:00:00Z", 3);
        po("PO-3H", "SENT_TO_PEOPLEVOX", expected(now.minus(Duration.ofHours(3))), "2026-11-20T10:00:00Z", 3);
        po("PO-DONE", "RECEIVED", expected(now.minus(Duration.ofDays(5))), "2026-11-20T10:00:00Z", 2);
        po("PO-CANC", "CANCELLED", expected(now.minus(Duration.ofDays(5))), "2026-11-20T10:00:00Z", 2);
        po("PO-ALLIN", "SENT_TO_PEOPLEVOX", expected(now.minus(Duration.ofDays(5))), "2026-11-20T10:00:00Z", 2);
        credit(posted("GI-ALLIN", "PO-ALLIN", 2, "2026-11-20T12:00:00Z", "2026-11-20T12:01:00Z"), "PO-ALLIN", 2);

        List<Map<String, Object>> stuck = api.get().uri("/api/purchase-orders/stuck").retrieve().body(LIST);
        assertThat(stuck).extracting(s -> s.get("prodNum")).as("past date + 2h grace, units still expected, oldest first")
                .containsExactly("PO-PART", "PO-LATE", "PO-3H");
        assertThat(stuck.get(0)).containsEntry("unitsOrdered", 10).containsEntry("unitsExpected", 6)
                .containsEntry("state", "PARTLY_RECEIVED").containsEntry("graceHours", 2);
        assertThat(((Number) stuck.get(1).get("hoursLate")).longValue()).isBetween(71L, 72L);

        assertThat(alerter.run().delivered()).isEqualTo(1);
        String text = text(CHAT.bodies().get(0));
        assertThat(text).startsWith("Cherrypick: 3 purchase orders overdue")
                .contains("Purchase orders overdue (https://cherrypick.example.com/ops#/purchase-orders)")
                .contains("purchase order PO-PART (Acme Mills): 6 of 10 units, expected ")
                .contains("purchase order PO-LATE (Acme Mills): 10 of 10 units").doesNotContain("PO-GRACE")
                .doesNotContain("PO-DONE").doesNotContain("PO-CANC").doesNotContain("PO-ALLIN");
        assertThat(alerter.run().composed()).as("told once").isFalse();

        // received, closed or cancelled: no longer stuck, and nothing more is said
        jdbc.update("update purchase_order set state = 'RECEIVED' where prod_num = 'PO-LATE'");
        jdbc.update("update purchase_order set state = 'CLOSED' where prod_num = 'PO-PART'");
        jdbc.update("update purchase_order set state = 'CANCELLED' where prod_num = 'PO-3H'");
        assertThat(api.get().uri("/api/purchase-orders/stuck").retrieve().body(LIST)).isEmpty();
        assertThat(alerter.run().composed()).isFalse();
        assertThat(CHAT.bodies()).hasSize(1);
    }

    @Test
    void financeSeesUnitsBookedInAgainstUnitsPostedPerDayAndSiteAndPerPurchaseOrder() {
        po("PO-R1", "PARTLY_RECEIVED", "2026-11-25 00:00:00", "2026-11-20T10:00:00Z", 10, 5);
        credit(posted("GI1", "PO-R1", 4, "2026-11-20T12:00:00Z", "2026-11-20T12:05:00Z"), "PO-R1", 4);
        credit(posted("GI2", "PO-R1", 6, "2026-11-21T09:00:00Z", "2026-11-21T09:01:00Z"), "PO-R1", 6);
        jdbc.update("insert into goods_receipt (reference, item_code, prod_num, site, quantity, source, state, received_at)"
                + " values ('GI2', 'ITEM-B', 'PO-R1', 'PrimarySite', 5, 'EVENT', 'EXCEPTION', ?),"
                + " ('GI3', 'ITEM-C', null, 'PrimarySite', 2, 'EVENT', 'EXCEPTION', ?)",
                at("2026-11-21T09:00:00Z"), at("2026-11-21T10:00:00Z"));
        po("PO-OLD", "RECEIVED", "2026-11-01 00:00:00", "2026-11-01T10:00:00Z", 7);
        credit(posted("GI0", "PO-OLD", 7, "2026-11-02T12:00:00Z", "2026-11-02T12:05:00Z"), "PO-OLD", 7);

        Map<String, Object> report = api.get().uri("/api/reconciliation/inbound?from=2026-11-20&to=2026-11-21").retrieve()
                .body(MAP);
        List<Map<String, Object>> rows = list(report.get("rows"));
        assertThat(rows).extracting(r -> r.get("day") + " " + r.get("pvxSite") + ": " + r.get("ordered") + " ordered, "
                + r.get("received") + " received, " + r.get("posted") + " posted").containsExactly(
                "2026-11-20 PrimarySite: 15 ordered, 4 received, 4 posted",
                "2026-11-21 PrimarySite: 0 ordered, 13 received, 6 posted");
        assertThat(map(report.get("total"))).containsEntry("ordered", 15).containsEntry("received", 17)
                .containsEntry("posted", 10);
        List<Map<String, Object>> pos = list(report.get("purchaseOrders"));
        assertThat(pos).extracting(p -> p.get("prodNum")).as("the delivery without a purchase order too")
                .containsExactly(null, "PO-R1");
        assertThat(pos.get(0)).containsEntry("received", 2).containsEntry("posted", 0).containsEntry("receivedNotPosted", 2);
        assertThat(pos.get(1)).containsEntry("supplier", "Acme Mills").containsEntry("ordered", 15)
                .containsEntry("received", 15).containsEntry("posted", 10).containsEntry("receivedNotPosted", 5);
        assertThat(map(report.get("purchaseOrderTotal"))).containsEntry("received", 17).containsEntry("posted", 10)
                .containsEntry("receivedNotPosted", 7);

        String csv = api.get().uri("/api/reconciliation/inbound?from=2026-11-20&to=2026-11-21&format=csv").retrieve()
                .body(String.class);
        assertThat(csv.split("\r\n")).containsExactly(
                "purchase_order,supplier,pvx_site,state,ordered_units,received_units,posted_units,received_not_posted",
                "(none),,PrimarySite,,0,2,0,2",
                "PO-R1,Acme Mills,PrimarySite,PARTLY_RECEIVED,15,15,10,5",
                "total,,,,15,17,10,7");
        String days = api.get().uri("/api/reconciliation/inbound?from=2026-11-20&to=2026-11-21&format=csv&by=day")
                .retrieve().body(String.class);
        assertThat(days.split("\r\n")).containsExactly("day,pvx_site,ordered_units,received_units,posted_units",
                "2026-11-20,PrimarySite,15,4,4", "2026-11-21,PrimarySite,0,13,6", "total,,15,17,10");

        Map<String, Object> view = api.get().uri("/api/purchase-orders/PO-R1").retrieve().body(MAP);
        assertThat(view).containsEntry("unitsOrdered", 15).containsEntry("unitsReceived", 15)
                .containsEntry("unitsPosted", 10).containsEntry("unitsExpected", 5);
        assertThat(list(view.get("lines"))).extracting(l -> l.get("received") + "/" + l.get("posted"))
                .containsExactly("10/10", "5/0");
    }

    @Test
    void theSearchBoxFindsAPurchaseOrderByItsNumberAndADeliveryByItsReference() {
        po("PO-S1", "SENT_TO_PEOPLEVOX", "2030-01-15 00:00:00", "2026-11-20T10:00:00Z", 3);
        posted("GI-S1", "PO-S1", 3, "2026-11-20T12:00:00Z", "2026-11-20T12:05:00Z");

        Map<String, Object> found = api.get().uri("/api/search?q=po-s").retrieve().body(MAP);
        assertThat(list(found.get("hits"))).extracting(h -> h.get("kind") + " " + h.get("key") + " " + h.get("href"))
                .contains("purchase order PO-S1 #/purchase-orders/PO-S1");
        assertThat(list(found.get("hits")).get(0).get("detail")).isEqualTo("Expected by the warehouse · PrimarySite");
        Map<String, Object> delivery = api.get().uri("/api/search?q=GI-S1").retrieve().body(MAP);
        assertThat(list(delivery.get("hits"))).extracting(h -> h.get("kind") + " " + h.get("href"))
                .containsExactly("delivery #/purchase-orders/PO-S1");
    }

    // ---- helpers

    /** A purchase order at PrimarySite from Acme Mills, first seen at {@code created}, with a line per quantity. */
    void po(String prodNum, String state, String expectedDate, String created, int... quantities) {
        jdbc.update("insert into purchase_order (prod_num, stage_num, supplier, bc_location, site, expected_date, revision,"
                + " content, state, exception_open, created_at, updated_at) values (?, '3', 'Acme Mills', 'NJ',"
                + " 'PrimarySite', ?, '1', '{}', ?, false, ?, ?)", prodNum, expectedDate, state, at(created), at(created));
        for (int i = 0; i < quantities.length; i++) {
            jdbc.update("insert into purchase_order_line (prod_num, prod_line, item_code, ordered) values (?, ?, ?, ?)",
                    prodNum, String.valueOf(i + 1), "ITEM-" + (char) ('A' + i), quantities[i]);
        }
    }

    /** A goods-in line of ITEM-A posted to Blue Cherry; its id. */
    long posted(String reference, String prodNum, int units, String received, String posted) {
        jdbc.update("insert into goods_receipt (reference, item_code, prod_num, site, quantity, source, state, received_at,"
                + " posted_at) values (?, 'ITEM-A', ?, 'PrimarySite', ?, 'EVENT', 'POSTED', ?, ?)", reference, prodNum,
                units, at(received), at(posted));
        return jdbc.queryForObject("select id from goods_receipt where reference = ? and item_code = 'ITEM-A'", Long.class,
                reference);
    }

    void credit(long receipt, String prodNum, int units) {
        jdbc.update("insert into goods_receipt_credit (receipt_id, prod_num, prod_line, quantity) values (?, ?, '1', ?)",
                receipt, prodNum, units);
    }

    static String expected(Instant at) {
        return BLUE_CHERRY.format(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    static java.time.OffsetDateTime at(String instant) {
        return Timestamps.utc(Instant.parse(instant));
    }

    private String text(String body) throws Exception {
        return json.readTree(body).path("text").asText();
    }
}
