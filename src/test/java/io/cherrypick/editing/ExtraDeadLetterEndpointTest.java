package io.cherrypick.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.cherrypick.support.EditedRoutes;
import io.cherrypick.support.FlowTestSupport;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Picks;

/**
 * Integrator task (d): send the order flow's dead letters to an extra endpoint (here a support desk's HTTP receiver) as
 * well as to the exception store, by editing the order flow's dead-letter route.
 */
@TestPropertySource(properties = {"cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?", "cherrypick.flows.sales-order.send-interval=100"})
class ExtraDeadLetterEndpointTest extends FlowTestSupport {
    static final String A = "012345678905";
    static final int DESK_PORT = FreePort.find();
    static final List<String> DESK = new CopyOnWriteArrayList<>();
    static final HttpServer RECEIVER = receiver();

    @DynamicPropertySource
    static void editedRoutes(DynamicPropertyRegistry registry) {
        Path routes = EditedRoutes.copyWith(Map.of("sales-order-to-wms.camel.yaml", EditedRoutes.replace("""
                        - bean:
                            ref: orderLifecycle
                            method: held
                        - to:
                            id: record-order-exception
                            uri: direct:dead-letter
                """, """
                        - bean:
                            ref: orderLifecycle
                            method: held
                        - wireTap:
                            uri: direct:tell-the-support-desk
                        - to:
                            id: record-order-exception
                            uri: direct:dead-letter
                - route:
                    id: tell-the-support-desk
                    from:
                      uri: direct:tell-the-support-desk
                      steps:
                        - setBody:
                            simple: "${header.CherrypickRecordKey} ${header.CherrypickCategory}: ${header.CherrypickReason}"
                        - removeHeaders:
                            pattern: "*"
                        - to: "http://localhost:%d/dead-letters"
                """.formatted(DESK_PORT))));
        EditedRoutes.use(registry, routes);
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", DESK_PORT), 0);
            server.createContext("/dead-letters", exchange -> {
                DESK.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItems(List.of(A));
        emptyTables(List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken", "CAMEL_MESSAGEPROCESSED"));
    }

    @Test
    void aHeldPickReachesTheDeskAndTheExceptionStore() {
        sims.post("/sim/bluecherry/_control/locations", List.of(Map.of("location", "MIA", "loc_name", "Miami DC", "loc_type", "W")));
        sims.createPicks(List.of(Picks.pick("DL1", "MIA", A)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !DESK.isEmpty());
        assertThat(DESK.get(0)).startsWith("DL1 MISSING_WAREHOUSE: Pick DL1: location 'MIA' has no Peoplevox site mapping");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from integration_exception where business_key = 'DL1' and status = 'OPEN'", Integer.class) == 1);
    }
}
