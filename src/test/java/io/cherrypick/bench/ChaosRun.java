package io.cherrypick.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.cherrypick.support.AppProcess;
import io.cherrypick.support.EmbeddedPostgres;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Picks;
import io.cherrypick.support.Simulators;

/**
 * The chaos run: two (or more) Cherrypick instances, each a JVM of its own, on one embedded PostgreSQL, with the
 * simulators in a third JVM. While picks, amendments (a quantity change on line 1) and despatches flow, a random
 * instance is killed with SIGKILL every few seconds and started again. At the end the run checks, from the simulators'
 * call logs and state and from the database:
 * <ul>
 * <li>every pick is in Peoplevox once, with all its lines, the amended ones at their amended quantity;</li>
 * <li>header rows and line rows written to Peoplevox beyond one write per pick and per amendment (re-sends), counted
 * separately;</li>
 * <li>every despatch is in Blue Cherry as exactly one shipment;</li>
 * <li>no record is lost: every hand-off row is settled (done, skipped, superseded) or an exception with a reason.</li>
 * </ul>
 * Options ({@code --name=value}): {@code orders} (default 150), {@code seed} (default: random, printed so a run can be
 * repeated), {@code instances} (2), {@code load-seconds} (the time over which the picks arrive, 90),
 * {@code kill-min}/{@code kill-max} (seconds between kills, 10 and 20), {@code drain-seconds} (how long the end state
 * may take once the load stopped, 240), {@code save-latency-ms} (extra time every Peoplevox SaveData takes, so kills
 * land while calls are in flight, 500). Exit code 0 when every check holds, 1 otherwise. Run it with
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.cherrypick.bench.ChaosRun --orders=150 --seed=42"
 * </pre>
 * ({@code exec:exec}, not {@code exec:java}: the instances are started from this JVM's class path.)
 */
public final class ChaosRun {
    private static final List<String> ITEMS = List.of("012345678905", "012345678912", "012345678929", "012345678936");
    private static final int AMENDED_QUANTITY = 5;

    private final Map<String, String> options;
    private final long seed;
    private final Random random;
    /** The simulators' process, then the instances' places (their processes change with each restart). */
    private volatile AppProcess simulators;
    private final List<Slot> slots = Collections.synchronizedList(new ArrayList<>());
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger kills = new AtomicInteger();
    private final AtomicBoolean killing = new AtomicBoolean(true);

    private String databaseUrl;
    private int simulatorPort;
    private Simulators sims;
    private JdbcTemplate jdbc;

    /** Per pick: its line count; which picks get an amendment and which a despatch (never both). */
    private final Map<String, Integer> linesOf = new LinkedHashMap<>();
    private final Set<String> toAmend = new LinkedHashSet<>();
    private final Set<String> toDespatch = new LinkedHashSet<>();
    private final Set<String> amended = ConcurrentHashMap.newKeySet();
    private final Set<String> despatched = ConcurrentHashMap.newKeySet();

    private ChaosRun(Map<String, String> options) {
        this.options = options;
        this.seed = options.containsKey("seed") ? Long.parseLong(options.get("seed")) : new Random().nextLong();
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int exit;
        ChaosRun run = new ChaosRun(options);
        // stopped from outside (Ctrl-C, a timeout): no instance or simulator is left running
        Runtime.getRuntime().addShutdownHook(new Thread(run::stopAll, "chaos-stop"));
        try {
            exit = run.run() ? 0 : 1;
        } finally {
            run.stopAll();
        }
        System.exit(exit);
    }

    private int option(String name, int defaultValue) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : defaultValue;
    }

    private boolean run() throws Exception {
        int orders = option("orders", 150);
        int instanceCount = option("instances", 2);
        Instant started = Instant.now();
        System.out.printf("chaos run: seed %d, %d orders, %d instances%n", seed, orders, instanceCount);

        databaseUrl = EmbeddedPostgres.newDatabaseUrl();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(databaseUrl, "postgres", "postgres"));
        simulatorPort = FreePort.find();
        simulators = AppProcess.startSimulators(simulatorPort);
        sims = new Simulators(simulatorPort);
        sims.seedPeoplevoxItemsWithStock(ITEMS);
        int latency = option("save-latency-ms", 500);
        if (latency > 0) {
            sims.peoplevoxFault(Map.of("operation", "SaveData", "type", "LATENCY", "delayMs", latency, "rate", 1.0));
        }
        for (int i = 0; i < instanceCount; i++) {
            Slot slot = new Slot("instance-" + (char) ('a' + i), FreePort.find());
            slots.add(slot);
            startIn(slot);
        }
        plan(orders);

        Thread killer = new Thread(this::killLoop, "chaos-killer");
        killer.setDaemon(true);
        killer.start();
        Thread workload = new Thread(this::workloadLoop, "chaos-workload");
        workload.setDaemon(true);
        workload.start();

        Duration load = Duration.ofSeconds(option("load-seconds", 90));
        List<String> pickNums = List.copyOf(linesOf.keySet());
        int perSecond = Math.max(1, (int) Math.ceil(orders / (double) Math.max(1, load.toSeconds())));
        for (int from = 0; from < pickNums.size(); from += perSecond) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (String pick : pickNums.subList(from, Math.min(pickNums.size(), from + perSecond))) {
                batch.add(Picks.pick(pick, "NJ", ITEMS.subList(0, linesOf.get(pick)).toArray(String[]::new)));
            }
            sims.createPicks(batch);
            Thread.sleep(1000);
        }
        System.out.printf("chaos run: %d picks created in %ds; amendments and despatches follow as orders reach Peoplevox%n",
                orders, Duration.between(started, Instant.now()).toSeconds());

        // kills go on while amendments and despatches are still being issued, then stop: the end state must follow
        boolean issued = BenchRuns.await(Duration.ofSeconds(option("drain-seconds", 240)), Duration.ofSeconds(2),
                () -> amended.size() == toAmend.size() && despatched.size() == toDespatch.size());
        killing.set(false);
        killer.join(Duration.ofMinutes(3).toMillis());
        for (Slot slot : slots) {
            if (slot.app == null || !slot.app.isAlive()) {
                startIn(slot);
            }
        }
        boolean settled = BenchRuns.await(Duration.ofSeconds(option("drain-seconds", 240)), Duration.ofSeconds(2),
                () -> endStateReached(pickNums));
        workload.interrupt();
        System.out.printf("chaos run: load and drain took %ds (actions issued: %s, end state reached: %s)%n",
                Duration.between(started, Instant.now()).toSeconds(), issued, settled);
        return report(pickNums);
    }

    /** Picks, their line counts, and which are amended (about 20 %) or despatched (about 40 %). */
    private void plan(int orders) {
        for (int i = 1; i <= orders; i++) {
            String pick = "CH" + i;
            linesOf.put(pick, 1 + random.nextInt(ITEMS.size() - 1));
            double roll = random.nextDouble();
            if (roll < 0.2) {
                toAmend.add(pick);
            } else if (roll < 0.6) {
                toDespatch.add(pick);
            }
        }
    }

    private List<String> instanceArgs() {
        String sim = "http://localhost:" + simulatorPort;
        return List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--cherrypick.simulator.enabled=false",
                "--cherrypick.simulator.scenario.enabled=false",
                "--cherrypick.peoplevox.base-url=" + sim + "/sim/peoplevox",
                "--cherrypick.bluecherry.base-url=" + sim + "/sim/bluecherry",
                "--cherrypick.webhooks.token=chaos-run-token",
                "--cherrypick.flows.sales-order.pull-cron=0/2 * * * * ?",
                "--cherrypick.flows.sales-order.send-interval=200",
                "--cherrypick.flows.sales-order.batch-size=20",
                "--cherrypick.flows.sales-order.batch-linger=200ms",
                "--cherrypick.flows.sales-order.retry-backoff=2s",
                "--cherrypick.flows.sales-order.stale-claim-after=15s",
                "--cherrypick.flows.sales-order-change.interval=500",
                "--cherrypick.flows.sales-order-change.retry-backoff=2s",
                "--cherrypick.flows.despatch.inbox-interval=500",
                "--cherrypick.flows.despatch.event-retry-backoff=2s",
                "--cherrypick.flows.despatch.poll-cron=0/5 * * * * ?",
                "--cherrypick.flows.despatch.send-linger=1s",
                "--cherrypick.flows.despatch.send-interval=500",
                "--cherrypick.flows.despatch.retry-backoff=2s",
                "--cherrypick.flows.despatch.stale-claim-after=15s",
                "--cherrypick.flows.returns.enabled=false",
                "--cherrypick.flows.item.enabled=false",
                "--cherrypick.flows.stock.enabled=false",
                "--cherrypick.flows.inbound.enabled=false",
                "--cherrypick.alerts.enabled=false",
                "--cherrypick.metrics.refresh=600000",
                "--logging.level.org.apache.camel=WARN");
    }

    /** Starts the slot's instance and waits until it is up (the process is the slot's at once, so none is left behind). */
    private void startIn(Slot slot) throws Exception {
        slot.app = AppProcess.launch(slot.name, slot.port, instanceArgs());
        // on a loaded 2-core machine an instance has needed over three minutes to start
        slot.app.awaitUp(Duration.ofMinutes(10));
    }

    /** An instance's place: its name and port stay, its process changes with every restart. */
    private static final class Slot {
        final String name;
        final int port;
        volatile AppProcess app;

        Slot(String name, int port) {
            this.name = name;
            this.port = port;
        }
    }

    /** Every kill-min..kill-max seconds: SIGKILL a random instance (while another is up), then start it again. */
    private void killLoop() {
        int min = option("kill-min", 10);
        int max = Math.max(min, option("kill-max", 20));
        Random killerRandom = new Random(seed ^ 0x5DEECE66DL);
        try {
            while (killing.get()) {
                Thread.sleep(1000L * (min + killerRandom.nextInt(max - min + 1)));
                if (!killing.get()) {
                    return;
                }
                Slot victim = slots.get(killerRandom.nextInt(slots.size()));
                victim.app.kill();
                int n = kills.incrementAndGet();
                events.add(String.format("%s kill %d: %s", Instant.now(), n, victim.name));
                System.out.printf("chaos run: kill %d (SIGKILL %s)%n", n, victim.name);
                startIn(victim);
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            events.add("killer stopped: " + e);
            System.out.println("chaos run: the killer stopped: " + e);
        }
    }

    /** Once a pick is in Peoplevox: its amendment (Blue Cherry) or its despatch (Peoplevox), each once. */
    private void workloadLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Set<String> inPeoplevox = new LinkedHashSet<>();
                for (Map<String, Object> order : sims.peoplevoxOrders()) {
                    inPeoplevox.add((String) order.get("salesOrderNumber"));
                }
                // a change is made once the pick's first revision went through (acknowledged): a change pulled while
                // that revision is still on its way becomes the order's next revision in the order queue, sent whole,
                // which is right but would make the row counts below depend on timing
                Set<String> acknowledged = new LinkedHashSet<>(jdbc.queryForList(
                        "select pick_num from order_lifecycle where state = 'ACKNOWLEDGED'", String.class));
                for (String pick : toAmend) {
                    if (acknowledged.contains(pick) && !amended.contains(pick)) {
                        List<Map<String, Object>> rows = new ArrayList<>();
                        for (int seq = 1; seq <= linesOf.get(pick); seq++) {
                            rows.add(Picks.line(seq, ITEMS.get(seq - 1), seq == 1 ? AMENDED_QUANTITY : 2));
                        }
                        sims.post("/sim/bluecherry/_control/picks/" + pick + "/modify", Map.of("pickdetail", Map.of("rows", rows)));
                        amended.add(pick);
                    }
                }
                for (String pick : toDespatch) {
                    if (inPeoplevox.contains(pick) && !despatched.contains(pick) && complete(pick)) {
                        sims.post("/sim/peoplevox/_control/orders/" + pick + "/advance", Map.of("to", "Despatched"));
                        despatched.add(pick);
                    }
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            events.add("workload stopped: " + e);
            System.out.println("chaos run: the workload stopped: " + e);
        }
    }

    /** The order holds all its lines in Peoplevox (a despatch of a header without lines would ship nothing). */
    private boolean complete(String pick) {
        Object lines = sims.peoplevoxOrder(pick).get("lines");
        return lines instanceof List<?> list && list.size() == linesOf.get(pick);
    }

    private boolean endStateReached(List<String> pickNums) {
        Integer open = jdbc.queryForObject("select count(*) from handoff where status in ('PENDING', 'CLAIMED')", Integer.class);
        return open != null && open == 0 && sims.peoplevoxOrders().size() == pickNums.size()
                && shipmentsByPick().keySet().containsAll(toDespatch);
    }

    private Map<String, Integer> shipmentsByPick() {
        Map<String, Integer> byPick = new TreeMap<>();
        for (Map<String, Object> s : sims.getList("/sim/bluecherry/_control/shipments")) {
            byPick.merge(String.valueOf(s.get("pick_num")), 1, Integer::sum);
        }
        return byPick;
    }

    @SuppressWarnings("unchecked")
    private boolean report(List<String> pickNums) {
        List<String> failures = new ArrayList<>();
        // Peoplevox: every pick once, with all its lines, amended ones at the amended quantity
        Map<String, Map<String, Object>> orders = new HashMap<>();
        for (Map<String, Object> o : sims.peoplevoxOrders()) {
            if (orders.put((String) o.get("salesOrderNumber"), o) != null) {
                failures.add("order " + o.get("salesOrderNumber") + " is in Peoplevox twice");
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> wrongLines = new ArrayList<>();
        for (String pick : pickNums) {
            Map<String, Object> o = orders.get(pick);
            if (o == null) {
                missing.add(pick);
                continue;
            }
            List<Map<String, Object>> lines = (List<Map<String, Object>>) o.get("lines");
            int firstQuantity = lines.stream().filter(l -> "1".equals(String.valueOf(l.get("line"))))
                    .mapToInt(l -> ((Number) l.get("quantity")).intValue()).findFirst().orElse(-1);
            int expectedFirst = toAmend.contains(pick) && amended.contains(pick) ? AMENDED_QUANTITY : 2;
            if (lines.size() != linesOf.get(pick) || firstQuantity != expectedFirst) {
                wrongLines.add(pick + " (" + lines.size() + " of " + linesOf.get(pick) + " lines, line 1 quantity "
                        + firstQuantity + ", expected " + expectedFirst + ")");
            }
        }
        // Peoplevox call log: one header row per pick and per amendment; one line row per pick line and per amended line
        int headerRows = rows("Sales orders");
        int lineRows = rows("Sales order items");
        int expectedHeaders = pickNums.size() + amended.size();
        int expectedLines = pickNums.stream().mapToInt(linesOf::get).sum() + amended.size();
        // Blue Cherry: one shipment per despatched pick
        Map<String, Integer> shipments = shipmentsByPick();
        List<String> shippedTwice = shipments.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).toList();
        List<String> notShipped = despatched.stream().filter(p -> !shipments.containsKey(p)).sorted().toList();
        int shipmentPosts = sims.getList("/sim/bluecherry/_control/calls?path=OrderShipment&method=POST").size();
        // the hand-off: nothing pending or claimed; what is held or failed has an exception with a reason
        Map<String, Map<String, Integer>> statuses = new TreeMap<>();
        jdbc.queryForList("select queue, status, count(*) as n from handoff group by queue, status").forEach(r ->
                statuses.computeIfAbsent((String) r.get("queue"), q -> new TreeMap<>())
                        .put((String) r.get("status"), ((Number) r.get("n")).intValue()));
        Integer unsettled = jdbc.queryForObject("select count(*) from handoff where status in ('PENDING', 'CLAIMED')",
                Integer.class);
        List<Map<String, Object>> exceptions = jdbc.queryForList("select flow, business_key, category, message"
                + " from integration_exception where status = 'OPEN' order by id");
        Integer heldWithoutReason = jdbc.queryForObject("select count(*) from handoff h where h.status in ('HELD', 'FAILED')"
                + " and not exists (select 1 from integration_exception e where e.handoff_id = h.id"
                + " and e.message is not null and e.message <> '')", Integer.class);

        System.out.println();
        System.out.println("=== chaos run report ===");
        System.out.printf("seed %d; instances killed with SIGKILL: %d%n", seed, kills.get());
        System.out.printf("picks %d (amended %d of %d planned, despatched %d of %d planned)%n", pickNums.size(),
                amended.size(), toAmend.size(), despatched.size(), toDespatch.size());
        System.out.printf("Peoplevox orders: %d; missing: %d %s; wrong lines: %d %s%n", orders.size(), missing.size(),
                head(missing), wrongLines.size(), head(wrongLines));
        System.out.printf("Peoplevox header rows written: %d for %d (re-sends: %d)%n", headerRows, expectedHeaders,
                headerRows - expectedHeaders);
        System.out.printf("Peoplevox line rows written: %d for %d (re-sends: %d)%n", lineRows, expectedLines,
                lineRows - expectedLines);
        System.out.printf("Blue Cherry shipments: %d for %d despatches (%d OrderShipment POSTs); shipped twice: %d %s;"
                + " not shipped: %d %s%n", shipments.values().stream().mapToInt(Integer::intValue).sum(), despatched.size(),
                shipmentPosts, shippedTwice.size(), head(shippedTwice), notShipped.size(), head(notShipped));
        System.out.printf("hand-off rows by queue and status: %s%n", statuses);
        System.out.printf("unsettled (pending or claimed): %d; held or failed without an exception and reason: %d%n",
                unsettled, heldWithoutReason);
        System.out.printf("open exceptions: %d%n", exceptions.size());
        exceptions.stream().limit(10).forEach(e -> System.out.printf("  %s %s %s: %s%n", e.get("flow"), e.get("business_key"),
                e.get("category"), e.get("message")));

        if (!missing.isEmpty()) {
            failures.add(missing.size() + " pick(s) missing in Peoplevox");
        }
        if (!wrongLines.isEmpty()) {
            failures.add(wrongLines.size() + " order(s) with wrong lines");
        }
        if (headerRows != expectedHeaders) {
            failures.add("header rows " + headerRows + ", expected " + expectedHeaders);
        }
        if (lineRows != expectedLines) {
            failures.add("line rows " + lineRows + ", expected " + expectedLines);
        }
        if (!shippedTwice.isEmpty() || !notShipped.isEmpty()) {
            failures.add("despatches shipped twice " + shippedTwice.size() + ", not shipped " + notShipped.size());
        }
        if (unsettled != null && unsettled > 0) {
            failures.add(unsettled + " hand-off row(s) unsettled");
        }
        if (heldWithoutReason != null && heldWithoutReason > 0) {
            failures.add(heldWithoutReason + " held row(s) without an exception");
        }
        System.out.println(failures.isEmpty() ? "RESULT: every check holds" : "RESULT: FAILED: " + failures);
        return failures.isEmpty();
    }

    private int rows(String template) {
        return sims.peoplevoxCalls("SaveData", template).stream()
                .mapToInt(c -> c.get("rows") == null ? 0 : ((Number) c.get("rows")).intValue()).sum();
    }

    private static String head(List<String> items) {
        return items.isEmpty() ? "" : items.subList(0, Math.min(10, items.size())).toString();
    }

    private void stopAll() {
        synchronized (slots) {
            slots.stream().filter(slot -> slot.app != null).forEach(slot -> slot.app.kill());
        }
        if (simulators != null) {
            simulators.kill();
        }
    }
}
