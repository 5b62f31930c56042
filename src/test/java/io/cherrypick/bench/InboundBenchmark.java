package io.cherrypick.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.cherrypick.CherrypickApplication;
import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.gs1.Gs1;
import io.cherrypick.peoplevox.events.PeoplevoxSubscriptions;
import io.cherrypick.runtime.FlowSwitch;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * Pushes N Blue Cherry purchase orders of L lines each (defaults 1,000 x 10) through the inbound flow against the
 * simulators, in two phases, and prints (and writes to target/bench/inbound.json) for each: the time, purchase orders
 * and lines per second, and the calls to Peoplevox and Blue Cherry per purchase order line.
 * <ol>
 * <li>out: the purchase orders wait in Blue Cherry; the flow pulls them and sends them to Peoplevox (Purchase orders and
 * Purchase order items); done when every one is SENT_TO_PEOPLEVOX;</li>
 * <li>back: the warehouse books in every purchase order in full (one delivery each, through the simulator's goods-in);
 * the GoodsReceived events bring them in, each delivery's lines are read from the Goods in summary report and posted
 * to Blue Cherry as ProductionReceiptAdvice; done when every one is RECEIVED.</li>
 * </ol>
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.InboundBenchmark
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.InboundBenchmark \
 *        -Dexec.args="--purchase-orders=20 --lines=3"
 * </pre>
 * The catalogue's items are recorded as synced by the item flow (so purchase orders need no item lookups).
 */
public final class InboundBenchmark {
    private static final String GROUP = "inbound";

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = options(args);
        int purchaseOrders = options.getOrDefault("--purchase-orders", 1_000);
        int lines = options.getOrDefault("--lines", 10);
        int port = FreePort.find();
        String dataDir = Files.createTempDirectory("cherrypick-bench").toString();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CherrypickApplication.class).run(
                "--server.port=" + port,
                "--cherrypick.data-dir=" + dataDir,
                "--cherrypick.simulator.scenario.enabled=false",
                "--cherrypick.flows.inbound.enabled=true",
                "--cherrypick.flows.inbound.pull-cron=0/1 * * * * ?",
                "--cherrypick.flows.inbound.send-interval=20",
                "--cherrypick.flows.inbound.inbox-interval=20",
                "--cherrypick.flows.inbound.receipt-send-interval=20",
                "--cherrypick.metrics.refresh=600000",
                "--logging.level.io.cherrypick=WARN",
                "--logging.level.org.apache.camel=WARN");
        try {
            run(app, port, purchaseOrders, lines);
        } finally {
            app.close();
        }
    }

    private static void run(ConfigurableApplicationContext app, int port, int purchaseOrders, int lines) throws Exception {
        Simulators sims = new Simulators(port);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        CamelContext camel = app.getBean(CamelContext.class);
        // the flow waits while the purchase orders are written to Blue Cherry, so the pull finds them all at once
        for (Route route : camel.getRoutes()) {
            if (GROUP.equals(FlowSwitch.flowOf(camel, route))) {
                camel.getRouteController().stopRoute(route.getRouteId());
            }
        }
        sims.resetAll();
        app.getBean(PeoplevoxSubscriptions.class).renew(true); // the reset forgot the GoodsReceived subscription

        List<String> catalogue = new ArrayList<>();
        for (int i = 0; i < Math.max(lines, 500); i++) {
            catalogue.add(Gs1.withCheckDigit(String.format("50000%06d", i)));
        }
        sims.seedPeoplevoxItems(catalogue);
        PeoplevoxItemCatalog known = app.getBean(PeoplevoxItemCatalog.class);
        catalogue.forEach(code -> known.remember(code, code, null, "SYNC"));
        for (int start = 0; start < purchaseOrders; start += 200) {
            List<Map<String, Object>> chunk = new ArrayList<>();
            for (int p = start; p < Math.min(purchaseOrders, start + 200); p++) {
                chunk.add(purchaseOrder(p, lines, catalogue));
            }
            sims.post("/sim/bluecherry/_control/production-orders", chunk);
        }
        int poLines = purchaseOrders * lines;
        System.out.printf("%n%d purchase orders of %d lines (%d lines) waiting in Blue Cherry; starting the inbound flow%n",
                purchaseOrders, lines, poLines);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("purchaseOrders", purchaseOrders);
        figures.put("linesPerPurchaseOrder", lines);
        clearCalls(sims);
        Instant start = Instant.now();
        BenchRuns.startFlow(camel, GROUP, Set.of());
        boolean allSent = BenchRuns.await(Duration.ofMinutes(30), Duration.ofMillis(100), () ->
                count(jdbc, "state = 'SENT_TO_PEOPLEVOX'") + held(jdbc, "purchase-order") >= purchaseOrders);
        figures.put("out", phase("out (Blue Cherry -> Peoplevox)", start, count(jdbc, "state = 'SENT_TO_PEOPLEVOX'"),
                purchaseOrders, lines, sims, allSent));

        clearCalls(sims);
        start = Instant.now();
        for (int p = 0; p < purchaseOrders; p++) {
            Map<String, Object> delivery = new LinkedHashMap<>();
            delivery.put("reference", "GI-" + p);
            delivery.put("purchaseOrderNumber", number(p));
            delivery.put("site", "PrimarySite");
            List<Map<String, Object>> booked = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                booked.add(Map.of("itemCode", catalogue.get(l), "quantity", 10));
            }
            delivery.put("lines", booked);
            sims.post("/sim/peoplevox/_control/goods-in", delivery);
        }
        boolean allReceived = BenchRuns.await(Duration.ofMinutes(30), Duration.ofMillis(100), () ->
                count(jdbc, "state = 'RECEIVED'") + held(jdbc, "goods-receipt") >= purchaseOrders);
        figures.put("back", phase("back (Peoplevox -> Blue Cherry)", start, count(jdbc, "state = 'RECEIVED'"),
                purchaseOrders, lines, sims, allReceived));
        figures.put("receiptsInBlueCherry", sims.getList("/sim/bluecherry/_control/receipts").size());
        System.out.printf("receipts in Blue Cherry    %d (one per line: %d)%n", figures.get("receiptsInBlueCherry"), poLines);

        BenchRuns.writeFigures("inbound", figures);
    }

    /** One phase's figures, printed and returned. */
    private static Map<String, Object> phase(String name, Instant start, int done, int purchaseOrders, int lines,
                                             Simulators sims, boolean finished) {
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        int pvxCalls = sims.getList("/sim/peoplevox/_control/calls").size();
        int bcCalls = sims.getList("/sim/bluecherry/_control/calls").size();
        double poLines = (double) purchaseOrders * lines;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("finished", finished);
        f.put("done", done);
        f.put("seconds", seconds);
        f.put("purchaseOrdersPerSecond", done / seconds);
        f.put("linesPerSecond", done * lines / seconds);
        f.put("peoplevoxCalls", pvxCalls);
        f.put("peoplevoxCallsPerLine", pvxCalls / poLines);
        f.put("blueCherryCalls", bcCalls);
        f.put("blueCherryCallsPerLine", bcCalls / poLines);
        System.out.printf("%n%s%s%n", name, finished ? "" : " (not finished within 30 minutes: the figures cover what was)");
        System.out.printf("purchase orders done       %d of %d in %.1f s (%.1f purchase orders/s, %.0f lines/s)%n", done,
                purchaseOrders, seconds, done / seconds, done * lines / seconds);
        System.out.printf("Peoplevox calls            %d (%.4f per purchase order line)%n", pvxCalls, pvxCalls / poLines);
        System.out.printf("Blue Cherry calls          %d (%.4f per purchase order line)%n", bcCalls, bcCalls / poLines);
        return f;
    }

    private static Map<String, Object> purchaseOrder(int p, int lines, List<String> catalogue) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int l = 0; l < lines; l++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("prod_line", String.valueOf(l + 1));
            row.put("style", "B" + l);
            row.put("color_code", "BLK");
            row.put("size_desc", "M");
            row.put("upc", catalogue.get(l));
            row.put("prod_qty", 10);
            row.put("cost", "4.50");
            row.put("location", "NJ");
            rows.add(row);
        }
        Map<String, Object> po = new LinkedHashMap<>();
        po.put("prod_num", number(p));
        po.put("stage_num", "3");
        po.put("due_date", "2030-01-15 00:00:00");
        po.put("productionorderaddressbystage", Map.of("rows", List.of(Map.of("addr_type", "VN", "name", "Acme Mills"))));
        po.put("productionorderdetailbystage", Map.of("rows", rows));
        return po;
    }

    private static String number(int p) {
        return String.format("BPO%05d", p);
    }

    private static void clearCalls(Simulators sims) {
        sims.delete("/sim/peoplevox/_control/calls");
        sims.delete("/sim/bluecherry/_control/calls");
    }

    private static int count(JdbcTemplate jdbc, String where) {
        return BenchRuns.count(jdbc, "select count(*) from purchase_order where " + where);
    }

    /** Records of the queue that wait for a person (they will not finish by themselves). */
    private static int held(JdbcTemplate jdbc, String queue) {
        return BenchRuns.count(jdbc, "select count(*) from handoff where queue = '" + queue + "' and status in ('HELD', 'FAILED')");
    }

    /** {@code --name=number} arguments. */
    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                options.put(a.substring(0, eq), Integer.parseInt(a.substring(eq + 1)));
            }
        }
        return options;
    }
}
