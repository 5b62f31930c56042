package io.cherrypick.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.CherrypickApplication;
import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.bluecherry.model.Style;
import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.setup.AuditReport;
import io.cherrypick.setup.CheckResult;
import io.cherrypick.setup.SetupAudit;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Picks;
import io.cherrypick.support.Simulators;

/**
 * The setup audit of a large tenant: N SKUs (default 50,000, the item benchmark's catalogue) in Blue Cherry and, as the
 * item flow would have sent them, in Peoplevox, with stock on both sides, and M open pick tickets (default 10,000, 1-3
 * lines) in Blue Cherry and as sales orders in Peoplevox. Prints the Peoplevox calls the audit used (by operation; report
 * and template pages of up to 1,000 rows), the Blue Cherry calls and the time.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.SetupAuditBenchmark
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.SetupAuditBenchmark \
 *        -Dexec.args="--paced"
 * </pre>
 * Unpaced, the time is the audit's own work and the simulators'. With {@code --paced} the audit paces its Peoplevox calls
 * at 15 per 15 s (as against a real Peoplevox) and the simulator refuses anything faster: the time is then about one
 * second per call, and the refusals must be 0. The data is prepared before the audit and its calls are not counted.
 */
public final class SetupAuditBenchmark {
    public static void main(String[] args) throws Exception {
        int skus = intArg(args, "--skus", 50_000);
        int orders = intArg(args, "--orders", 10_000);
        boolean paced = List.of(args).contains("--paced");
        int port = FreePort.find();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CherrypickApplication.class).run(
                "--server.port=" + port,
                "--cherrypick.data-dir=" + Files.createTempDirectory("cherrypick-bench"),
                "--cherrypick.simulator.scenario.enabled=false",
                // every flow switched on, as at a tenant (the audit checks what the flows that are on need), but none of
                // their routes loaded: only the webhook (the connectivity check tries it) and the dead-letter route
                "--camel.main.routes-include-pattern=file:routes/peoplevox-webhooks.camel.yaml,"
                        + "file:routes/error-handling.camel.yaml",
                "--cherrypick.flows.sales-order.enabled=true", "--cherrypick.flows.sales-order-change.enabled=true",
                "--cherrypick.flows.despatch.enabled=true", "--cherrypick.flows.item.enabled=true",
                "--cherrypick.flows.returns.enabled=true", "--cherrypick.flows.stock.enabled=true",
                "--cherrypick.alerts.enabled=false",
                "--cherrypick.setup.pacing=" + (paced ? "always" : "never"),
                "--cherrypick.metrics.refresh=600000",
                "--logging.level.io.cherrypick=WARN", "--logging.level.io.cherrypick.setup=INFO",
                "--logging.level.org.apache.camel=WARN");
        int exit;
        try {
            exit = run(app, port, skus, orders, paced) ? 0 : 1;
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    private static boolean run(ConfigurableApplicationContext app, int port, int skus, int orders, boolean paced) {
        Simulators sims = new Simulators(port);
        sims.resetAll();
        Instant preparing = Instant.now();
        List<String> codes = prepareCatalogue(app, sims, skus);
        prepareOrders(app, sims, codes, orders);
        System.out.printf("%n%d SKUs and %d open orders in both systems (prepared in %d s); auditing%s%n", skus, orders,
                Duration.between(preparing, Instant.now()).toSeconds(), paced ? ", paced at 15 calls / 15 s" : "");
        if (paced) {
            RestClient.create("http://localhost:" + port).put().uri("/sim/peoplevox/_control/config")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("rateLimitEnabled", true, "rateLimitRequests", 15,
                            "rateLimitWindowSeconds", 15)).retrieve().toBodilessEntity();
        }
        // the runtime's own event subscriptions (made once at start) are not the audit's calls: done before counting
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        if (!BenchRuns.await(Duration.ofMinutes(2), Duration.ofMillis(200),
                () -> BenchRuns.count(jdbc, "select count(*) from pvx_subscription") > 0)) {
            System.out.println("the runtime's event subscriptions were not made in 2 minutes");
            return false;
        }
        sims.delete("/sim/peoplevox/_control/calls");
        sims.delete("/sim/bluecherry/_control/calls");

        Instant start = Instant.now();
        AuditReport report = app.getBean(SetupAudit.class).run("benchmark", "benchmark", r -> {
        });
        Duration took = Duration.between(start, Instant.now());
        List<Map<String, Object>> calls = sims.getList("/sim/peoplevox/_control/calls");
        Map<String, Long> byOperation = calls.stream().collect(Collectors.groupingBy(c -> c.get("operation")
                + (c.get("template") == null ? "" : " " + c.get("template")), TreeMap::new, Collectors.counting()));
        long refused = calls.stream().filter(c -> Integer.valueOf(-1).equals(c.get("responseId"))).count();
        int blueCherry = sims.getList("/sim/bluecherry/_control/calls").size();

        System.out.println();
        System.out.printf("setup audit, %d SKUs, %d open orders, %s%n", skus, orders, paced ? "paced" : "not paced");
        System.out.printf("  verdict                  %s (%d failed, %d warned, %d passed)%n", report.verdict(),
                report.counts().fail(), report.counts().warn(), report.counts().pass());
        for (CheckResult c : report.checks()) {
            if (c.verdict() != io.cherrypick.setup.Verdict.PASS && !c.id().startsWith("configuration.")) {
                System.out.printf("    %-4s %-36s %d of %d%n", c.verdict(), c.id(), c.found(), c.checked());
            }
        }
        System.out.printf("  Peoplevox calls          %d (the report says %d), refused %d%n", calls.size(),
                report.peoplevoxCalls(), refused);
        System.out.printf("  by operation             %s%n", byOperation);
        System.out.printf("  Blue Cherry calls        %d%n", blueCherry);
        System.out.printf("  time                     %.1f s%s%n", took.toMillis() / 1000.0,
                paced ? "" : "; paced at 15 calls / 15 s it would be about " + calls.size() + " s more or less");
        boolean ok = report.status().equals(AuditReport.DONE) && refused == 0 && calls.size() == report.peoplevoxCalls();
        System.out.println(ok ? "RESULT: OK" : "RESULT: NOT MET");
        return ok;
    }

    /** The catalogue in Blue Cherry; in Peoplevox as the item mapping makes it; the same stock on both sides. */
    private static List<String> prepareCatalogue(ConfigurableApplicationContext app, Simulators sims, int skus) {
        List<Map<String, Object>> styles = ItemSyncBenchmark.catalogue(skus);
        for (int i = 0; i < styles.size(); i += 200) {
            sims.post("/sim/bluecherry/_control/styles", styles.subList(i, Math.min(styles.size(), i + 200)));
        }
        Mappings mappings = app.getBean(Mappings.class);
        List<String> codes = new ArrayList<>();
        List<Map<String, String>> items = new ArrayList<>();
        for (Map<String, Object> style : styles) {
            for (StyleSku sku : Style.of(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(style)).getSkus()) {
                Map<String, String> row = mappings.map("item", sku, Map.of()).row("item");
                items.add(row);
                codes.add(row.get("ItemCode"));
            }
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < items.size(); i += 1000) {
            List<Map<String, String>> chunk = items.subList(i, Math.min(items.size(), i + 1000));
            List<Map<String, Object>> stock = new ArrayList<>();
            List<Map<String, Object>> inventory = new ArrayList<>();
            for (Map<String, String> item : chunk) {
                int onHand = 5 + random.nextInt(200);
                stock.add(Map.of("itemCode", item.get("ItemCode"), "site", "PrimarySite", "onHand", onHand));
                inventory.add(Map.of("upc", item.get("ItemCode"), "location", "NJ", "qoh", onHand));
            }
            sims.post("/sim/peoplevox/_control/seed", Map.of("items", chunk, "stock", stock));
            sims.post("/sim/bluecherry/_control/inventory", inventory);
        }
        return codes;
    }

    /** Open picks in Blue Cherry, each sent to Peoplevox as the order flow maps it (100 orders a SaveData). */
    private static void prepareOrders(ConfigurableApplicationContext app, Simulators sims, List<String> codes, int orders) {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < orders; i += 500) {
            List<Map<String, Object>> chunk = new ArrayList<>();
            for (int n = i; n < Math.min(orders, i + 500); n++) {
                String[] upcs = new String[1 + random.nextInt(3)];
                for (int l = 0; l < upcs.length; l++) {
                    upcs[l] = codes.get(random.nextInt(codes.size()));
                }
                chunk.add(Picks.pick(String.valueOf(500_000 + n), "NJ", upcs));
            }
            sims.createPicks(chunk);
        }
        BlueCherryClient blueCherry = app.getBean(BlueCherryClient.class);
        PeoplevoxClient peoplevox = app.getBean(PeoplevoxClient.class);
        Mappings mappings = app.getBean(Mappings.class);
        List<Map<String, String>> headers = new ArrayList<>();
        List<Map<String, String>> lines = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<JsonNode> picks = blueCherry.getPage("pick", null, page, 200);
            for (JsonNode json : picks) {
                MappedRecord order = mappings.map("sales-order", Pick.of(json), Map.of());
                headers.add(order.row("header"));
                lines.addAll(order.rows("lines"));
                if (headers.size() == 100) {
                    save(peoplevox, headers, lines);
                }
            }
            if (picks.size() < 200) {
                break;
            }
        }
        save(peoplevox, headers, lines);
    }

    private static void save(PeoplevoxClient peoplevox, List<Map<String, String>> headers, List<Map<String, String>> lines) {
        if (!headers.isEmpty()) {
            peoplevox.saveData("Sales orders", new CsvTable(List.copyOf(headers.get(0).keySet()), List.copyOf(headers)), 1);
            peoplevox.saveData("Sales order items", new CsvTable(List.copyOf(lines.get(0).keySet()), List.copyOf(lines)), 1);
        }
        headers.clear();
        lines.clear();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
