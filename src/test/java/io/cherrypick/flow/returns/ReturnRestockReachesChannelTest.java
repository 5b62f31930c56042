package io.cherrypick.flow.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.cherrypick.support.FlowTestSupport;
import io.cherrypick.support.Picks;

/**
 * The closed loop across flows: a pick goes out (order flow), is despatched and returned in good condition (returns
 * flow: Blue Cherry receipt with disposition A), and the unit Peoplevox puts back on the shelf reaches the sales
 * channel (stock flow: AvailabilityChanges → channel).
 */
@TestPropertySource(properties = {
        "cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.sales-order.send-interval=100",
        "cherrypick.flows.returns.enabled=true",
        "cherrypick.flows.returns.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.returns.send-interval=100",
        "cherrypick.flows.returns.inbox-interval=100",
        "cherrypick.flows.returns.receipt-send-interval=100",
        "cherrypick.flows.stock.enabled=true",
        "cherrypick.flows.stock.inbox-interval=50",
        "cherrypick.flows.stock.channel-interval=50",
        "cherrypick.flows.stock.sku-refresh-every=0s",
        "cherrypick.flows.stock.blue-cherry-cron=0 0 0 1 1 ? 2099",
        "cherrypick.flows.stock.reconcile-cron=0 0 0 1 1 ? 2099",
        "cherrypick.flows.stock.full-overlay-cron=0 0 0 1 1 ? 2099",
        "cherrypick.webhooks.token=loop-test-token",
        "cherrypick.peoplevox.timeout=5s"})
class ReturnRestockReachesChannelTest extends FlowTestSupport {
    static final String SKU = "012345678905";
    static final Duration WAIT = Duration.ofSeconds(60);

    @org.springframework.beans.factory.annotation.Autowired
    io.cherrypick.peoplevox.events.PeoplevoxSubscriptions subscriptions;

    @Override
    protected void prepareWorld() {
        // the reset Peoplevox has no subscriptions (the ones made at start went with the reset): make them again, as a
        // restart would, or no stock event ever comes
        subscriptions.renew(true);
    }

    @Test
    void aRestockedReturnRaisesTheChannelsStock() {
        Map<String, Object> size = Map.of("color_code", "BLK", "lbl_code", "", "dimension", "", "size_desc", "M", "upc", SKU);
        Map<String, Object> detail = Map.of("division", "01", "season", "SP26", "stylecolorsizes", Map.of("rows-i", List.of(size)));
        sims.post("/sim/bluecherry/_control/styles", List.of(Map.of("style", "01234", "style_name", "Classic Tee",
                "styledetail", Map.of("rows", List.of(detail)))));
        sims.seedPeoplevoxItemsWithStock(List.of(SKU));

        sims.createPicks(List.of(Picks.pick("LOOP1", "NJ", SKU)));
        await().atMost(WAIT).until(() -> jdbc.queryForList("select state from order_lifecycle where pick_num = 'LOOP1'",
                String.class).equals(List.of("ACKNOWLEDGED")));
        sims.post("/sim/peoplevox/_control/orders/LOOP1/advance", Map.of("to", "Despatched"));
        int afterDespatch = peoplevoxAvailable();
        await().atMost(WAIT).until(() -> channelLevel() == afterDespatch);

        sims.post("/sim/bluecherry/_control/return-authorisations", List.of(Map.of("ra_num", "RA-LOOP1", "ord_num", "OLOOP1",
                "pick_num", "LOOP1", "customer", "WEB01", "location", "NJ", "reason_code", "WS",
                "radetail", Map.of("rows", List.of(Map.of("line_seq", 1, "style", "01234", "color_code", "BLK",
                        "lbl_code", "", "dimension", "", "size_desc", "M", "upc", SKU, "ra_qty", 1))))));
        await().atMost(WAIT).until(() -> jdbc.queryForList("select state from return_authorisation where ra_num = 'RA-LOOP1'",
                String.class).equals(List.of("EXPECTED_IN_PEOPLEVOX")));
        sims.post("/sim/peoplevox/_control/returns/receive", Map.of("salesOrderNumber", "LOOP1", "rmaNumber", "RA-LOOP1",
                "itemCode", SKU, "quantity", 1, "reason", "Wrong size", "condition", "Good", "reusable", true));

        await().atMost(WAIT).until(() -> channelLevel() == afterDespatch + 1);
        assertThat(peoplevoxAvailable()).isEqualTo(afterDespatch + 1);
        await().atMost(WAIT).until(() -> jdbc.queryForList("select state from return_authorisation where ra_num = 'RA-LOOP1'",
                String.class).equals(List.of("CONFIRMED_IN_BLUE_CHERRY")));
    }

    @SuppressWarnings("unchecked")
    private int peoplevoxAvailable() {
        List<Map<String, Object>> stock = (List<Map<String, Object>>) sims.get("/sim/peoplevox/_control/state").get("stock");
        return stock.stream().filter(s -> SKU.equals(s.get("itemCode")) && "PrimarySite".equals(s.get("site")))
                .map(s -> ((Number) s.get("available")).intValue()).findFirst().orElse(-1);
    }

    @SuppressWarnings("unchecked")
    private int channelLevel() {
        List<Map<String, Object>> levels = (List<Map<String, Object>>) sims.get("/sim/channel/_control/state").get("levels");
        return levels.stream().filter(l -> SKU.equals(l.get("sku")) && "PrimarySite".equals(l.get("site")))
                .map(l -> ((Number) l.get("available")).intValue()).findFirst().orElse(-1);
    }
}
