package io.cherrypick.bench;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.cherrypick.gs1.Gs1;
import io.cherrypick.support.AppProcess;
import io.cherrypick.support.EmbeddedPostgres;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Picks;
import io.cherrypick.support.Simulators;

/**
 * The chaos run: two (or more) Cherrypick instances, each a JVM of its own, on one embedded PostgreSQL, with the
 * simulators (Blue Cherry, Peoplevox, the sales channel) in a third JVM and a small load balancer in front of the
 * instances for Peoplevox's webhooks. Orders arrive in Blue Cherry at a fixed rate; once in Peoplevox about 20 % get an
 * amendment and about 40 % are despatched, a quarter of those come back as returns (authorised in Blue Cherry,
 * received in Peoplevox); stock moves in Peoplevox every second. About {@code fault-share} of the calls to each system
 * fail or hang (latency beyond the claim window, 5xx, SOAP faults, timeouts), and a random instance is killed with
 * SIGKILL every {@code kill-min}..{@code kill-max} seconds and started again (one instance always stays up: the
 * balancer's pool is never empty). At the end the run counts, per flow, the records lost and the records applied
 * twice (from the simulators' call logs and state), compares the final stock of Peoplevox, Blue Cherry and the channel
 * per SKU and site, prints a table and writes {@code target/bench/chaos.json}.
 * <p>
 * Options ({@code --name=value}): {@code orders} (150), {@code seed} (random, printed), {@code instances} (2),
 * {@code load-seconds} (the time over which the orders arrive, 90), {@code kill-min}/{@code kill-max} (15, 30),
 * {@code drain-seconds} (how long the end state may take once the load stopped, 600), {@code fault-share} (0.10),
 * {@code fault-latency-ms} (20000: longer than the run's 15 s claim window), {@code save-latency-ms} (every Peoplevox
 * SaveData takes this much longer, 300). Exit code 0 when nothing is lost, nothing applied twice and the stock is
 * equal; 1 otherwise. Run it with
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.cherrypick.bench.ChaosRun --orders=300 --seed=42"
 * </pre>
 * ({@code exec:exec}, not {@code exec:java}: the instances are started from this JVM's class path.)
 */
public final class ChaosRun {
    private static final String STYLE = "01234";
    private static final List<String> SIZES = List.of("XS", "S", "M", "L", "XL", "2XL", "3XL", "4XL");
    /** One style, one colour, eight sizes: few SKUs, so stock events of the same SKU and site race each other. */
    private static final List<String> ITEMS = SIZES.stream()
            .map(size -> Gs1.withCheckDigit("0123456789" + SIZES.indexOf(size))).toList();
    private static final Map<String, String> SITE_OF_LOCATION = Map.of("NJ", "PrimarySite", "LDN", "LondonSite");
    private static final int START_ON_HAND = 100_000;
    private static final int AMENDED_QUANTITY = 5;

    private final Map<String, String> options;
    private final long seed;
    private final Random random;
    private final Random workloadRandom;
    private final Random killerRandom;
    /** The simulators' process, then the instances' places (their processes change with each restart). */
    private volatile AppProcess simulators;
    private final List<Slot> slots = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger kills = new AtomicInteger();
    private final AtomicBoolean killing = new AtomicBoolean(true);
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3, daemon("chaos-scheduler"));
    private final ExecutorService restarts = Executors.newCachedThreadPool(daemon("chaos-restart"));
    private ChaosBalancer balancer;

    private String databaseUrl;
    private int simulatorPort;
    private int balancerPort;
    private Simulators sims;
    private JdbcTemplate jdbc;

    /** Per pick: its items (one line each); which are amended, despatched, and of those returned. */
    private final Map<String, List<String>> itemsOf = new LinkedHashMap<>();
    private final Set<String> toAmend = new LinkedHashSet<>();
    private final Set<String> toDespatch = new LinkedHashSet<>();
    private final Set<String> toReturn = new LinkedHashSet<>();
    private final AtomicInteger created = new AtomicInteger();
    private final Set<String> amended = ConcurrentHashMap.newKeySet();
    private final Set<String> despatched = ConcurrentHashMap.newKeySet();
    private final Set<String> authorised = ConcurrentHashMap.newKeySet();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final AtomicInteger stockMovements = new AtomicInteger();
    private final AtomicInteger workloadErrors = new AtomicInteger();

    private ChaosRun(Map<String, String> options) {
        this.options = options;
        this.seed = options.containsKey("seed") ? Long.parseLong(options.get("seed")) : new Random().nextLong();
        this.random = new Random(seed);
        this.workloadRandom = new Random(seed ^ 0x2545F4914F6CDD1DL);
        this.killerRandom = new Random(seed ^ 0x5DEECE66DL);
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

    private double option(String name, double defaultValue) {
        return options.containsKey(name) ? Double.parseDouble(options.get(name)) : defaultValue;
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
        seedSystems();
        for (int i = 0; i < instanceCount; i++) {
            slots.add(new Slot("instance-" + (char) ('a' + i), FreePort.find()));
        }
        balancerPort = FreePort.find();
        balancer = new ChaosBalancer(balancerPort, this::livePorts);
        // all at once: on a loaded machine an instance takes minutes to start
        for (Slot slot : slots) {
            launchIn(slot);
        }
        for (Slot slot : slots) {
            awaitUp(slot);
        }
        initialStockSync();
        injectFaults();
        plan(orders);
        Instant loadStarted = Instant.now();
        System.out.printf("chaos run: set up in %ds; load starts%n", Duration.between(started, loadStarted).toSeconds());

        List<String> pickNums = List.copyOf(itemsOf.keySet());
        Duration load = Duration.ofSeconds(option("load-seconds", 90));
        int perSecond = Math.max(1, (int) Math.ceil(orders / (double) Math.max(1, load.toSeconds())));
        ScheduledFuture<?> arrivals = scheduler.scheduleAtFixedRate(() -> arrive(pickNums, perSecond), 0, 1, TimeUnit.SECONDS);
        ScheduledFuture<?> stock = scheduler.scheduleAtFixedRate(this::moveStock, 500, 1000, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> workload = scheduler.scheduleWithFixedDelay(this::workloadTick, 3, 3, TimeUnit.SECONDS);
        scheduleNextKill();

        Duration drain = Duration.ofSeconds(option("drain-seconds", 600));
        // kills and faults go on while the orders arrive and every amendment, despatch and return is made
        boolean issued = awaitUntil(load.plus(drain), () -> created.get() == pickNums.size()
                && amended.size() == toAmend.size() && despatched.size() == toDespatch.size()
                && received.size() == toReturn.size());
        arrivals.cancel(false);
        stock.cancel(false);
        killing.set(false);
        Duration loadTook = Duration.between(loadStarted, Instant.now());
        System.out.printf("chaos run: load done in %ds (everything issued: %s); kills stop, queues drain%n",
                loadTook.toSeconds(), issued);
        // every instance up again, then the end state: queues drained, every record where it belongs, stock equal
        awaitUntil(Duration.ofMinutes(15), () -> slots.stream().allMatch(s -> s.up));
        sims.delete("/sim/peoplevox/_control/faults");
        sims.delete("/sim/bluecherry/_control/faults");
        sims.delete("/sim/channel/_control/faults");
        boolean settled = awaitUntil(drain, () -> endStateReached(pickNums));
        workload.cancel(false);
        Duration took = Duration.between(started, Instant.now());
        System.out.printf("chaos run: took %ds (end state reached: %s)%n", took.toSeconds(), settled);
        return report(pickNums, loadTook, took);
    }

    /** Waits (Awaitility) until the condition holds; false when it did not within the time. */
    private static boolean awaitUntil(Duration within, BooleanSupplier condition) {
        try {
            await().atMost(within).pollInterval(Duration.ofSeconds(5)).ignoreExceptions().until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException timedOut) {
            return false;
        }
    }

    /** Blue Cherry knows the style (so stock can be overlaid), Peoplevox the items with plenty of stock at both sites. */
    private void seedSystems() {
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (int i = 0; i < ITEMS.size(); i++) {
            sizes.add(Map.of("color_code", "BLK", "lbl_code", "", "dimension", "", "size_desc", SIZES.get(i),
                    "upc", ITEMS.get(i)));
        }
        sims.post("/sim/bluecherry/_control/styles", List.of(Map.of("style", STYLE, "style_name", "Chaos Tee",
                "styledetail", Map.of("rows", List.of(Map.of("division", "01", "season", "SP25",
                        "stylecolorsizes", Map.of("rows-i", sizes)))))));
        sims.seedPeoplevoxItems(ITEMS);
        List<Map<String, Object>> stock = new ArrayList<>();
        for (String item : ITEMS) {
            for (String site : SITE_OF_LOCATION.values()) {
                stock.add(Map.of("itemCode", item, "site", site, "onHand", START_ON_HAND));
            }
        }
        sims.post("/sim/peoplevox/_control/seed", Map.of("stock", stock));
    }

    /**
     * What an installer does before going live: one reconciliation reads every level from Peoplevox, the channel and
     * Blue Cherry get them. From then on only events (and the refresh they trigger) move stock; the hourly
     * reconciliation is moved out of the run, so it cannot hide an event that was lost.
     */
    private void initialStockSync() {
        slots.get(0).app.post("/api/reconciliation/stock/run", "{}");
        int levels = ITEMS.size() * SITE_OF_LOCATION.size();
        boolean synced = awaitUntil(Duration.ofMinutes(3), () -> channelLevels().size() == levels
                && blueCherryStock().size() == levels);
        System.out.printf("chaos run: initial stock sync %s%n", synced ? "done" : "NOT complete after 3 minutes");
    }

    /**
     * About {@code fault-share} of the calls to each system: 40 % of them slow beyond the claim window, 30 % errors,
     * 30 % timeouts (the simulators' rate-based faults; each is drawn on its own, the first that fires applies).
     */
    private void injectFaults() {
        double share = option("fault-share", 0.10);
        long latency = option("fault-latency-ms", 20_000);
        if (share > 0) {
            sims.peoplevoxFault(Map.of("operation", "*", "type", "LATENCY", "rate", share * 0.4, "delayMs", latency));
            sims.peoplevoxFault(Map.of("operation", "*", "type", "HTTP_5XX", "rate", share * 0.15, "status", 503));
            sims.peoplevoxFault(Map.of("operation", "*", "type", "SOAP_FAULT", "rate", share * 0.15));
            sims.peoplevoxFault(Map.of("operation", "*", "type", "TIMEOUT", "rate", share * 0.3));
            sims.blueCherryFault(Map.of("operation", "*", "type", "LATENCY", "rate", share * 0.4, "delayMs", latency));
            sims.blueCherryFault(Map.of("operation", "*", "type", "HTTP_5XX", "rate", share * 0.3, "status", 503));
            sims.blueCherryFault(Map.of("operation", "*", "type", "TIMEOUT", "rate", share * 0.3));
            sims.post("/sim/channel/_control/faults", Map.of("operation", "*", "type", "LATENCY", "rate", share * 0.4,
                    "delayMs", latency));
            sims.post("/sim/channel/_control/faults", Map.of("operation", "*", "type", "HTTP_5XX", "rate", share * 0.3,
                    "status", 503));
            sims.post("/sim/channel/_control/faults", Map.of("operation", "*", "type", "TIMEOUT", "rate", share * 0.3));
        }
        int saveLatency = option("save-latency-ms", 300);
        if (saveLatency > 0) {
            // after the random faults: the first armed fault that fires applies, and this one always fires
            sims.peoplevoxFault(Map.of("operation", "SaveData", "type", "LATENCY", "delayMs", saveLatency, "rate", 1.0));
        }
    }

    /** Picks and their items (1 to 3 lines); about 20 % amended, 40 % despatched, a quarter of those returned. */
    private void plan(int orders) {
        for (int i = 1; i <= orders; i++) {
            String pick = "CH" + i;
            List<String> items = new ArrayList<>(ITEMS);
            Collections.shuffle(items, random);
            itemsOf.put(pick, List.copyOf(items.subList(0, 1 + random.nextInt(3))));
            double roll = random.nextDouble();
            if (roll < 0.2) {
                toAmend.add(pick);
            } else if (roll < 0.6) {
                toDespatch.add(pick);
                if (roll < 0.3) {
                    toReturn.add(pick);
                }
            }
        }
    }

    private List<String> instanceArgs() {
        String sim = "http://localhost:" + simulatorPort;
        String never = "0 0 0 1 1 ? 2099";
        return List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--cherrypick.simulator.enabled=false",
                "--cherrypick.simulator.scenario.enabled=false",
                "--cherrypick.peoplevox.base-url=" + sim + "/sim/peoplevox",
                "--cherrypick.bluecherry.base-url=" + sim + "/sim/bluecherry",
                "--cherrypick.webhooks.token=chaos-run-token",
                "--cherrypick.webhooks.base-url=http://localhost:" + balancerPort,
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
                "--cherrypick.flows.returns.enabled=true",
                "--cherrypick.flows.returns.pull-cron=0/5 * * * * ?",
                "--cherrypick.flows.returns.send-interval=1000",
                "--cherrypick.flows.returns.inbox-interval=500",
                "--cherrypick.flows.returns.poll-cron=0/30 * * * * ?",
                "--cherrypick.flows.returns.receipt-send-interval=1000",
                "--cherrypick.flows.returns.retry-backoff=2s",
                "--cherrypick.flows.returns.stale-claim-after=15s",
                "--cherrypick.flows.stock.enabled=true",
                "--cherrypick.flows.stock.channels.web.url=" + sim + "/sim/channel/stock-levels",
                "--cherrypick.flows.stock.stale-claim-after=15s",
                "--cherrypick.flows.stock.blue-cherry-cron=0/10 * * * * ?",
                "--cherrypick.flows.stock.reconcile-cron=" + never,
                "--cherrypick.flows.stock.full-overlay-cron=" + never,
                "--cherrypick.flows.item.enabled=false",
                "--cherrypick.flows.inbound.enabled=false",
                "--cherrypick.alerts.enabled=false",
                "--cherrypick.metrics.refresh=600000",
                "--logging.level.org.apache.camel=WARN");
    }

    /** Starts the slot's instance and waits until it is up. */
    private void startIn(Slot slot) throws Exception {
        launchIn(slot);
        awaitUp(slot);
    }

    /** The process is the slot's at once, so none is left behind when the run stops. */
    private void launchIn(Slot slot) throws Exception {
        slot.app = AppProcess.launch(slot.name, slot.port, instanceArgs());
    }

    private static void awaitUp(Slot slot) {
        // on a loaded 2-core machine (load average 40) an instance has needed over ten minutes to start
        slot.app.awaitUp(Duration.ofMinutes(30));
        slot.up = true;
    }

    private List<Integer> livePorts() {
        synchronized (slots) {
            return slots.stream().filter(s -> s.up).map(s -> s.port).toList();
        }
    }

    /** An instance's place: its name and port stay, its process changes with every restart. */
    private static final class Slot {
        final String name;
        final int port;
        volatile AppProcess app;
        volatile boolean up;

        Slot(String name, int port) {
            this.name = name;
            this.port = port;
        }
    }

    private void scheduleNextKill() {
        int min = option("kill-min", 15);
        int max = Math.max(min, option("kill-max", 30));
        if (killing.get()) {
            scheduler.schedule(this::killOne, min + killerRandom.nextInt(max - min + 1), TimeUnit.SECONDS);
        }
    }

    /**
     * SIGKILL a random instance that is up while another one is up too (so webhooks always find one), and start it
     * again in the background; when the others are still starting, the kill waits for the next turn.
     */
    private void killOne() {
        try {
            if (!killing.get()) {
                return;
            }
            List<Slot> up;
            synchronized (slots) {
                up = slots.stream().filter(s -> s.up).toList();
            }
            if (up.size() < 2) {
                System.out.println("chaos run: kill postponed (only one instance is up)");
                return;
            }
            Slot victim = up.get(killerRandom.nextInt(up.size()));
            victim.up = false;
            victim.app.kill();
            int n = kills.incrementAndGet();
            System.out.printf("chaos run: %s kill %d (SIGKILL %s)%n", Instant.now(), n, victim.name);
            restarts.submit(() -> {
                try {
                    startIn(victim);
                    System.out.printf("chaos run: %s %s up again%n", Instant.now(), victim.name);
                } catch (Exception e) {
                    System.out.println("chaos run: restart of " + victim.name + " failed: " + e);
                }
            });
        } finally {
            scheduleNextKill();
        }
    }

    /** The next {@code perSecond} picks into Blue Cherry (at a fixed rate). */
    private void arrive(List<String> pickNums, int perSecond) {
        int from = created.get();
        if (from >= pickNums.size()) {
            return;
        }
        try {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (String pick : pickNums.subList(from, Math.min(pickNums.size(), from + perSecond))) {
                batch.add(pick(pick));
            }
            sims.createPicks(batch);
            created.addAndGet(batch.size());
        } catch (RuntimeException e) {
            workloadErrors.incrementAndGet();
            System.out.println("chaos run: creating picks failed (tried again): " + e);
        }
    }

    private Map<String, Object> pick(String pick) {
        Map<String, Object> p = Picks.pick(pick, "NJ", itemsOf.get(pick).toArray(String[]::new));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) ((Map<String, Object>) p.get("pickdetail")).get("rows");
        lines.forEach(line -> line.put("size_desc", sizeOf((String) line.get("upc"))));
        return p;
    }

    private static String sizeOf(String item) {
        return SIZES.get(ITEMS.indexOf(item));
    }

    /** One or two stock movements in Peoplevox (goods in, or a few units out), at random SKUs and sites. */
    private void moveStock() {
        try {
            for (int i = 0; i < 1 + workloadRandom.nextInt(2); i++) {
                int delta = workloadRandom.nextBoolean() ? 1 + workloadRandom.nextInt(12) : -(1 + workloadRandom.nextInt(3));
                sims.post("/sim/peoplevox/_control/stock", Map.of("itemCode", ITEMS.get(workloadRandom.nextInt(ITEMS.size())),
                        "site", workloadRandom.nextBoolean() ? "PrimarySite" : "LondonSite", "delta", delta,
                        "reason", "Stock adjustment"));
                stockMovements.incrementAndGet();
            }
        } catch (RuntimeException e) {
            workloadErrors.incrementAndGet();
        }
    }

    /**
     * What people do once an order is in Peoplevox: its amendment in Blue Cherry (after the first revision was
     * acknowledged, so the counts do not depend on timing) or its despatch in Peoplevox; for a despatched order to be
     * returned, its return authorisation in Blue Cherry, and once Peoplevox expects it, the parcel received.
     */
    @SuppressWarnings("unchecked")
    private void workloadTick() {
        try {
            Map<String, Object> state = sims.get("/sim/peoplevox/_control/state");
            Map<String, Map<String, Object>> inPeoplevox = new HashMap<>();
            for (Map<String, Object> order : (List<Map<String, Object>>) state.get("salesOrders")) {
                inPeoplevox.put((String) order.get("salesOrderNumber"), order);
            }
            Set<String> acknowledged = new LinkedHashSet<>(jdbc.queryForList(
                    "select pick_num from order_lifecycle where state = 'ACKNOWLEDGED'", String.class));
            for (String pick : toAmend) {
                if (acknowledged.contains(pick) && !amended.contains(pick)) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    List<String> items = itemsOf.get(pick);
                    for (int seq = 1; seq <= items.size(); seq++) {
                        Map<String, Object> line = Picks.line(seq, items.get(seq - 1), seq == 1 ? AMENDED_QUANTITY : 2);
                        line.put("size_desc", sizeOf(items.get(seq - 1)));
                        rows.add(line);
                    }
                    sims.post("/sim/bluecherry/_control/picks/" + pick + "/modify", Map.of("pickdetail", Map.of("rows", rows)));
                    amended.add(pick);
                }
            }
            for (String pick : toDespatch) {
                Map<String, Object> order = inPeoplevox.get(pick);
                if (order != null && !despatched.contains(pick)
                        && ((List<?>) order.get("lines")).size() == itemsOf.get(pick).size()) {
                    sims.post("/sim/peoplevox/_control/orders/" + pick + "/advance", Map.of("to", "Despatched"));
                    despatched.add(pick);
                }
            }
            Set<String> expected = new LinkedHashSet<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) state.get("expectedReturns")) {
                expected.add((String) e.get("rmaNumber"));
            }
            List<Map<String, Object>> authorisations = new ArrayList<>();
            for (String pick : toReturn) {
                if (despatched.contains(pick) && !authorised.contains(pick)) {
                    authorisations.add(returnAuthorisation(pick));
                } else if (authorised.contains(pick) && !received.contains(pick) && expected.contains(raNum(pick))) {
                    String item = itemsOf.get(pick).get(0);
                    sims.post("/sim/peoplevox/_control/returns/receive", Map.of("salesOrderNumber", pick,
                            "rmaNumber", raNum(pick), "itemCode", item, "quantity", 1, "reason", "Too small",
                            "condition", "Good", "reusable", true, "site", "PrimarySite"));
                    received.add(pick);
                }
            }
            if (!authorisations.isEmpty()) {
                sims.post("/sim/bluecherry/_control/return-authorisations", authorisations);
                authorisations.forEach(ra -> authorised.add((String) ra.get("pick_num")));
            }
        } catch (RuntimeException e) {
            workloadErrors.incrementAndGet();
            System.out.println("chaos run: a workload tick failed (the next one goes on): " + e);
        }
    }

    private static String raNum(String pick) {
        return "RA-" + pick;
    }

    /** One unit of the pick's first line comes back. */
    private Map<String, Object> returnAuthorisation(String pick) {
        String item = itemsOf.get(pick).get(0);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("line_seq", 1);
        line.put("style", STYLE);
        line.put("color_code", "BLK");
        line.put("lbl_code", "");
        line.put("dimension", "");
        line.put("size_desc", sizeOf(item));
        line.put("upc", item);
        line.put("ra_qty", 1);
        Map<String, Object> ra = new LinkedHashMap<>();
        ra.put("ra_num", raNum(pick));
        ra.put("ord_num", "O" + pick);
        ra.put("pick_num", pick);
        ra.put("customer", "WEB01");
        ra.put("location", "NJ");
        ra.put("reason_code", "WS");
        ra.put("ra_date", "2026-12-07 00:00:00");
        ra.put("radetail", Map.of("rows", List.of(line)));
        return ra;
    }

    private boolean endStateReached(List<String> pickNums) {
        Integer open = jdbc.queryForObject("select count(*) from handoff where status in ('PENDING', 'CLAIMED')", Integer.class);
        // events Peoplevox has yet to deliver (or retries while an instance is down) still move records when they come
        if (open == null || open > 0 || pendingDeliveries() > 0 || sims.peoplevoxOrders().size() < pickNums.size()
                || !shipmentsByPick().keySet().containsAll(despatched)) {
            return false;
        }
        // a return whose receipt is held for a person (an open exception names its RA) is as settled as it gets
        Set<String> receipted = receiptQuantities().keySet();
        List<String> notReceipted = received.stream().map(ChaosRun::raNum).filter(ra -> !receipted.contains(ra)).toList();
        if (heldForAPerson("return-receipt", notReceipted).size() < notReceipted.size()) {
            return false;
        }
        return stockDifferences().isEmpty();
    }

    /** Webhook deliveries the Peoplevox simulator has not finished (PENDING: not yet delivered, or being retried). */
    private long pendingDeliveries() {
        return sims.getList("/sim/peoplevox/_control/deliveries").stream().filter(d -> "PENDING".equals(d.get("state"))).count();
    }

    private Map<String, Integer> shipmentsByPick() {
        Map<String, Integer> byPick = new TreeMap<>();
        for (Map<String, Object> s : sims.getList("/sim/bluecherry/_control/shipments")) {
            byPick.merge(String.valueOf(s.get("pick_num")), 1, Integer::sum);
        }
        return byPick;
    }

    /** Units received back per RA in Blue Cherry (return receipts). */
    private Map<String, Integer> receiptQuantities() {
        Map<String, Integer> byRa = new TreeMap<>();
        for (Map<String, Object> r : sims.getList("/sim/bluecherry/_control/return-receipts")) {
            byRa.merge(String.valueOf(r.get("ra_num")), ((Number) r.get("size_qty")).intValue(), Integer::sum);
        }
        return byRa;
    }

    /** Peoplevox per {@code item|site}: on hand and available. */
    @SuppressWarnings("unchecked")
    private Map<String, int[]> peoplevoxStock() {
        Map<String, int[]> levels = new TreeMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) sims.get("/sim/peoplevox/_control/state").get("stock")) {
            if (ITEMS.contains(s.get("itemCode"))) {
                levels.put(s.get("itemCode") + "|" + s.get("site"), new int[] {((Number) s.get("onHand")).intValue(),
                        ((Number) s.get("available")).intValue()});
            }
        }
        return levels;
    }

    /** The channel per {@code item|site}: available to sell as last told (no buffer in the run). */
    @SuppressWarnings("unchecked")
    private Map<String, Integer> channelLevels() {
        Map<String, Integer> levels = new TreeMap<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) sims.get("/sim/channel/_control/state").get("levels")) {
            levels.put(l.get("sku") + "|" + l.get("site"), ((Number) l.get("available")).intValue());
        }
        return levels;
    }

    /** Blue Cherry per {@code item|site} (its location mapped to the Peoplevox site): quantity on hand. */
    private Map<String, Integer> blueCherryStock() {
        Map<String, Integer> levels = new TreeMap<>();
        for (Map<String, Object> s : sims.getList("/sim/bluecherry/_control/inventory")) {
            String site = SITE_OF_LOCATION.get(String.valueOf(s.get("location")));
            if (site != null && ITEMS.contains(s.get("upc"))) {
                levels.put(s.get("upc") + "|" + site, ((Number) s.get("qoh")).intValue());
            }
        }
        return levels;
    }

    /** Per {@code item|site} where the three disagree: what each holds (Peoplevox on hand/available, channel, Blue Cherry). */
    private Map<String, String> stockDifferences() {
        Map<String, int[]> peoplevox = peoplevoxStock();
        Map<String, Integer> channel = channelLevels();
        Map<String, Integer> blueCherry = blueCherryStock();
        Map<String, String> differences = new TreeMap<>();
        peoplevox.forEach((key, level) -> {
            Integer told = channel.get(key);
            Integer qoh = blueCherry.get(key);
            if (told == null || told != level[1] || qoh == null || qoh != level[0]) {
                differences.put(key, "Peoplevox on hand " + level[0] + " available " + level[1] + ", channel " + told
                        + ", Blue Cherry " + qoh);
            }
        });
        return differences;
    }

    /**
     * One flow's figures: records issued, applied, lost, applied twice, held for a person (not applied, an open
     * exception names them: not lost, but someone has to act), and what else was seen.
     */
    private record FlowFigures(String flow, int issued, int applied, int lost, int duplicated, int held, String note) {
        FlowFigures(String flow, int issued, int applied, int lost, int duplicated, String note) {
            this(flow, issued, applied, lost, duplicated, 0, note);
        }
    }

    /** Of these records (RA numbers) not applied: those an open exception of the flow names (its key, or in its words). */
    private List<String> heldForAPerson(String flow, List<String> records) {
        List<Map<String, Object>> open = jdbc.queryForList("select business_key, message from integration_exception"
                + " where status = 'OPEN' and flow = ?", flow);
        return records.stream().filter(r -> open.stream().anyMatch(e -> r.equals(e.get("business_key"))
                || String.valueOf(e.get("message")).contains(r + ","))).toList();
    }

    @SuppressWarnings("unchecked")
    private boolean report(List<String> pickNums, Duration loadTook, Duration took) throws Exception {
        List<FlowFigures> flows = new ArrayList<>();
        // orders and amendments: Peoplevox's state (each order once, its lines, line 1's quantity)
        Map<String, Map<String, Object>> orders = new HashMap<>();
        int listedTwice = 0;
        for (Map<String, Object> o : sims.peoplevoxOrders()) {
            if (orders.put((String) o.get("salesOrderNumber"), o) != null) {
                listedTwice++;
            }
        }
        List<String> ordersLost = new ArrayList<>();
        List<String> ordersDuplicated = new ArrayList<>();
        List<String> amendmentsLost = new ArrayList<>();
        for (String pick : pickNums) {
            Map<String, Object> o = orders.get(pick);
            int planned = itemsOf.get(pick).size();
            List<Map<String, Object>> lines = o == null ? List.of() : (List<Map<String, Object>>) o.get("lines");
            int firstQuantity = lines.stream().filter(l -> "1".equals(String.valueOf(l.get("line"))))
                    .mapToInt(l -> ((Number) l.get("quantity")).intValue()).findFirst().orElse(-1);
            if (lines.size() < planned || (!amended.contains(pick) && firstQuantity != 2)) {
                ordersLost.add(pick + " (" + lines.size() + " of " + planned + " lines, line 1 quantity " + firstQuantity + ")");
            } else if (lines.size() > planned) {
                ordersDuplicated.add(pick + " (" + lines.size() + " lines for " + planned + ")");
            }
            if (amended.contains(pick) && firstQuantity != AMENDED_QUANTITY) {
                amendmentsLost.add(pick + " (line 1 quantity " + firstQuantity + ")");
            }
        }
        int headerRows = rows("Sales orders");
        int lineRows = rows("Sales order items");
        int expectedHeaders = pickNums.size() + amended.size();
        int expectedLines = pickNums.stream().mapToInt(p -> itemsOf.get(p).size()).sum() + amended.size();
        flows.add(new FlowFigures("orders (Blue Cherry -> Peoplevox)", created.get(),
                created.get() - ordersLost.size() - ordersDuplicated.size(), ordersLost.size(),
                ordersDuplicated.size() + listedTwice, "re-sent rows (same revision again, no effect): header "
                + (headerRows - expectedHeaders) + ", line " + (lineRows - expectedLines) + head(ordersLost) + head(ordersDuplicated)));
        flows.add(new FlowFigures("amendments (Blue Cherry -> Peoplevox)", amended.size(),
                amended.size() - amendmentsLost.size(), amendmentsLost.size(), 0, head(amendmentsLost)));
        // despatches: Blue Cherry's shipments
        Map<String, Integer> shipments = shipmentsByPick();
        List<String> notShipped = despatched.stream().filter(p -> !shipments.containsKey(p)).sorted().toList();
        List<String> shippedTwice = shipments.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).toList();
        int shipmentPosts = sims.getList("/sim/bluecherry/_control/calls?path=OrderShipment&method=POST").size();
        flows.add(new FlowFigures("despatches (Peoplevox -> Blue Cherry)", despatched.size(),
                (int) despatched.stream().filter(shipments::containsKey).count(), notShipped.size(), shippedTwice.size(),
                shipmentPosts + " OrderShipment POSTs" + head(notShipped) + head(shippedTwice)));
        // returns: expected in Peoplevox, then received back in Blue Cherry once
        Map<String, Integer> expectedRows = new TreeMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) sims.get("/sim/peoplevox/_control/state").get("expectedReturns")) {
            expectedRows.merge((String) e.get("rmaNumber"), 1, Integer::sum);
        }
        List<String> notExpected = authorised.stream().map(ChaosRun::raNum).filter(ra -> !expectedRows.containsKey(ra))
                .sorted().toList();
        List<String> authorisationsHeld = heldForAPerson("return-authorisation", notExpected);
        List<String> expectedTwice = expectedRows.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).toList();
        flows.add(new FlowFigures("return authorisations (Blue Cherry -> Peoplevox)", authorised.size(),
                authorised.size() - notExpected.size(), notExpected.size() - authorisationsHeld.size(), expectedTwice.size(),
                authorisationsHeld.size(), head(notExpected) + head(expectedTwice)));
        Map<String, Integer> receipts = receiptQuantities();
        List<String> notReceipted = received.stream().map(ChaosRun::raNum).filter(ra -> !receipts.containsKey(ra))
                .sorted().toList();
        List<String> receiptsHeld = heldForAPerson("return-receipt", notReceipted);
        List<String> receiptedTwice = receipts.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " " + e.getValue() + " units for 1").toList();
        int receiptPosts = sims.getList("/sim/bluecherry/_control/calls?path=ReturnReceiptAdvice&method=POST").size();
        flows.add(new FlowFigures("return receipts (Peoplevox -> Blue Cherry)", received.size(),
                received.size() - notReceipted.size(), notReceipted.size() - receiptsHeld.size(), receiptedTwice.size(),
                receiptsHeld.size(),
                receiptPosts + " ReturnReceiptAdvice POSTs" + head(notReceipted) + head(receiptedTwice)));
        // stock: levels are overlays (a second push of a level changes nothing), so a lost event shows as a level
        // that differs, and nothing can be applied twice
        Map<String, int[]> peoplevoxStock = peoplevoxStock();
        Map<String, Integer> channel = channelLevels();
        Map<String, Integer> blueCherry = blueCherryStock();
        List<String> channelDiffers = peoplevoxStock.entrySet().stream()
                .filter(e -> !Integer.valueOf(e.getValue()[1]).equals(channel.get(e.getKey())))
                .map(e -> e.getKey() + " available " + e.getValue()[1] + ", channel " + channel.get(e.getKey())).toList();
        List<String> blueCherryDiffers = peoplevoxStock.entrySet().stream()
                .filter(e -> !Integer.valueOf(e.getValue()[0]).equals(blueCherry.get(e.getKey())))
                .map(e -> e.getKey() + " on hand " + e.getValue()[0] + ", Blue Cherry " + blueCherry.get(e.getKey())).toList();
        Map<String, Object> channelState = sims.get("/sim/channel/_control/state");
        flows.add(new FlowFigures("stock events -> channel (levels per SKU and site)", peoplevoxStock.size(),
                peoplevoxStock.size() - channelDiffers.size(), channelDiffers.size(), 0, stockMovements.get()
                + " stock movements; channel calls " + channelState.get("calls") + ", updates " + channelState.get("updates")
                + head(channelDiffers)));
        int overlayPosts = sims.getList("/sim/bluecherry/_control/calls?path=PhysicalInventoryTM&method=POST").size();
        flows.add(new FlowFigures("stock -> Blue Cherry (on hand per SKU and location)", peoplevoxStock.size(),
                peoplevoxStock.size() - blueCherryDiffers.size(), blueCherryDiffers.size(), 0,
                overlayPosts + " PhysicalInventoryTM POSTs" + head(blueCherryDiffers)));

        // the hand-off: nothing pending or claimed; what is held or failed has an exception with a reason
        Map<String, Map<String, Integer>> statuses = new TreeMap<>();
        jdbc.queryForList("select queue, status, count(*) as n from handoff group by queue, status").forEach(r ->
                statuses.computeIfAbsent((String) r.get("queue"), q -> new TreeMap<>())
                        .put((String) r.get("status"), ((Number) r.get("n")).intValue()));
        Integer unsettled = jdbc.queryForObject("select count(*) from handoff where status in ('PENDING', 'CLAIMED')",
                Integer.class);
        Integer heldWithoutReason = jdbc.queryForObject("select count(*) from handoff h where h.status in ('HELD', 'FAILED')"
                + " and not exists (select 1 from integration_exception e where e.handoff_id = h.id"
                + " and e.message is not null and e.message <> '')", Integer.class);
        List<Map<String, Object>> exceptions = jdbc.queryForList("select flow, business_key, category, message"
                + " from integration_exception where status = 'OPEN' order by id");
        Map<String, Object> faults = faultFigures();

        System.out.println();
        System.out.println("=== chaos run report ===");
        System.out.printf("seed %d; %d orders; %d instances; SIGKILLs %d; load %ds, whole run %ds; machine: %d cores,"
                + " load average %.1f%n", seed, created.get(), slots.size(), kills.get(), loadTook.toSeconds(), took.toSeconds(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("faults injected: %s%n", faults);
        System.out.printf("%-52s %7s %7s %5s %10s %5s  %s%n", "flow", "issued", "applied", "lost", "duplicated", "held",
                "notes");
        for (FlowFigures f : flows) {
            System.out.printf("%-52s %7d %7d %5d %10d %5d  %s%n", f.flow(), f.issued(), f.applied(), f.lost(),
                    f.duplicated(), f.held(), f.note());
        }
        System.out.printf("stock (item|site): Peoplevox on hand/available, channel, Blue Cherry%n");
        peoplevoxStock.forEach((key, level) -> System.out.printf("  %-28s %7d %7d %7s %7s%n", key, level[0], level[1],
                channel.get(key), blueCherry.get(key)));
        System.out.printf("hand-off rows by queue and status: %s%n", statuses);
        long deliveriesPending = pendingDeliveries();
        System.out.printf("Peoplevox webhook deliveries still pending (events not yet delivered or being retried): %d%n",
                deliveriesPending);
        System.out.printf("unsettled (pending or claimed): %d; held or failed without an exception and reason: %d%n",
                unsettled, heldWithoutReason);
        System.out.printf("open exceptions: %d%n", exceptions.size());
        exceptions.stream().limit(20).forEach(e -> System.out.printf("  %s %s %s: %s%n", e.get("flow"), e.get("business_key"),
                e.get("category"), e.get("message")));

        List<String> failures = new ArrayList<>();
        for (FlowFigures f : flows) {
            if (f.lost() > 0 || f.duplicated() > 0) {
                failures.add(f.flow() + ": lost " + f.lost() + ", duplicated " + f.duplicated());
            }
        }
        if (created.get() < pickNums.size()) {
            failures.add("only " + created.get() + " of " + pickNums.size() + " orders were created");
        }
        if (unsettled != null && unsettled > 0) {
            failures.add(unsettled + " hand-off row(s) unsettled");
        }
        if (heldWithoutReason != null && heldWithoutReason > 0) {
            failures.add(heldWithoutReason + " held row(s) without an exception");
        }
        System.out.println(failures.isEmpty() ? "RESULT: nothing lost, nothing applied twice, stock equal"
                : "RESULT: FAILED: " + failures);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seed", seed);
        figures.put("options", new TreeMap<>(options));
        figures.put("orders", created.get());
        figures.put("instances", slots.size());
        figures.put("kills", kills.get());
        figures.put("loadSeconds", loadTook.toSeconds());
        figures.put("runSeconds", took.toSeconds());
        figures.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        figures.put("faults", faults);
        figures.put("flows", flows);
        Map<String, Object> stock = new TreeMap<>();
        peoplevoxStock.forEach((key, level) -> stock.put(key, Map.of("peoplevoxOnHand", level[0],
                "peoplevoxAvailable", level[1], "channel", String.valueOf(channel.get(key)),
                "blueCherry", String.valueOf(blueCherry.get(key)))));
        figures.put("stock", stock);
        figures.put("stockEqual", channelDiffers.isEmpty() && blueCherryDiffers.isEmpty());
        figures.put("handoff", statuses);
        figures.put("unsettled", unsettled);
        figures.put("peoplevoxDeliveriesPending", deliveriesPending);
        figures.put("openExceptions", exceptions);
        figures.put("workloadErrors", workloadErrors.get());
        figures.put("failures", failures);
        Path out = Path.of("target", "bench", "chaos.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), figures);
        System.out.println("figures written to " + out.toAbsolutePath());
        return failures.isEmpty();
    }

    /** Calls each simulator answered, and how many of them a fault hit (Peoplevox logs only the faults that answer). */
    private Map<String, Object> faultFigures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<Map<String, Object>> blueCherry = sims.getList("/sim/bluecherry/_control/calls");
        figures.put("blueCherryCalls", blueCherry.size());
        figures.put("blueCherryFaulted", blueCherry.stream().filter(c -> c.get("fault") != null).count());
        List<Map<String, Object>> channel = sims.getList("/sim/channel/_control/calls");
        figures.put("channelCalls", channel.size());
        figures.put("channelFaulted", channel.stream().filter(c -> c.get("fault") != null).count());
        List<Map<String, Object>> peoplevox = sims.getList("/sim/peoplevox/_control/calls");
        figures.put("peoplevoxCalls", peoplevox.size());
        figures.put("peoplevoxAnsweredByFault", peoplevox.stream().filter(c -> c.get("responseId") == null
                && !"Authenticate".equals(c.get("operation"))).count());
        return figures;
    }

    private int rows(String template) {
        return sims.peoplevoxCalls("SaveData", template).stream()
                .mapToInt(c -> c.get("rows") == null ? 0 : ((Number) c.get("rows")).intValue()).sum();
    }

    private static String head(List<String> items) {
        return items.isEmpty() ? "" : "; " + items.subList(0, Math.min(10, items.size()));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void stopAll() {
        killing.set(false);
        scheduler.shutdownNow();
        restarts.shutdownNow();
        synchronized (slots) {
            slots.stream().filter(slot -> slot.app != null).forEach(slot -> slot.app.kill());
        }
        if (balancer != null) {
            balancer.close();
        }
        if (simulators != null) {
            simulators.kill();
        }
    }
}
