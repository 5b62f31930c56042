package io.cherrypick.simulator.scenario;

import io.cherrypick.simulator.scenario.PeoplevoxControl.Advance;
import io.cherrypick.simulator.scenario.PeoplevoxControl.ReturnReceipt;
import io.cherrypick.simulator.scenario.PeoplevoxControl.SalesOrder;
import io.cherrypick.simulator.scenario.PeoplevoxControl.Seed;
import io.cherrypick.simulator.scenario.PeoplevoxControl.StockMovement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Drives demo traffic through the simulators' control APIs: creates the catalogue in Blue Cherry (and, until the
 * item-master flow exists, in Peoplevox), releases pick tickets on an order tick, and plays the warehouse on a
 * warehouse tick (status steps, despatches, stock movements, returns). Every choice comes from generators seeded
 * with {@code seed}, so a run is reproducible. Ticks and one-shot calls are serialised on this object; a failed
 * call is logged in one line and never stops the scenario.
 */
public class ScenarioGenerator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScenarioGenerator.class);

    /** The location whose picks the integration cannot route: present in Blue Cherry, absent from the site mapping. */
    static final BlueCherryControl.Location UNMAPPED_LOCATION = new BlueCherryControl.Location(
            OrderGenerator.MIAMI.code(), OrderGenerator.MIAMI.name(), "W");

    /** Picks remembered to raise return authorisations for; older ones are forgotten. */
    private static final int REMEMBERED_PICKS = 5_000;
    private static final long FIRST_RA_NUMBER = 500_001L;
    private static final int REPEATED_FAILURE_LOG_EVERY = 12;

    private final ScenarioProperties properties;
    private final PeoplevoxControl peoplevox;
    private final BlueCherryControl blueCherry;
    private final Clock clock;
    private final Catalogue catalogue;
    private final OrderGenerator orders;
    private final WarehousePlanner warehouse;
    private final RandomGenerator warehouseRandom;
    private final long preloadSeed;

    private final Map<String, GeneratedPick> picksByNumber = boundedMap(REMEMBERED_PICKS);
    private final Set<String> returnedOrders = Collections.newSetFromMap(boundedMap(REMEMBERED_PICKS));
    private final Deque<PendingReturn> pendingReturns = new ArrayDeque<>();

    private ScheduledExecutorService ticker;
    private boolean catalogueInBlueCherry;
    private boolean itemsInPeoplevox;
    private long nextRaNumber = FIRST_RA_NUMBER;
    private long orderTicks;
    private long warehouseTicks;
    private long picksCreated;
    private long picksWithUnknownSku;
    private long picksAtUnmappedLocation;
    private long ordersAdvanced;
    private long ordersDespatched;
    private long stockMovements;
    private long returnsAuthorised;
    private long returnsReceived;
    private long failedCalls;
    private int failingOrderTicks;
    private int failingWarehouseTicks;
    private String lastOrderTick = "";
    private String lastWarehouseTick = "";
    private String lastError = "";

    private record PendingReturn(ReturnAuthorisation ra, String salesOrderNumber, long dueTick) {
    }

    /** What {@link #createCatalogue()} sent. */
    public record CatalogueResult(int styles, int skus, List<String> locations, int peoplevoxItems, int peoplevoxStockRows) {
    }

    public ScenarioGenerator(ScenarioProperties properties, PeoplevoxControl peoplevox, BlueCherryControl blueCherry, Clock clock) {
        this.properties = properties;
        this.peoplevox = peoplevox;
        this.blueCherry = blueCherry;
        this.clock = clock;
        // one independent stream per concern, so e.g. more warehouse activity never changes the orders
        SplittableRandom root = new SplittableRandom(properties.getSeed());
        this.catalogue = CatalogueGenerator.generate(properties.getStyles(), root.split());
        this.orders = new OrderGenerator(catalogue, root.split(), clock, properties.getFirstPickNumber());
        this.warehouseRandom = root.split();
        this.warehouse = new WarehousePlanner(catalogue, warehouseRandom, properties.getAdvanceProbability());
        this.preloadSeed = root.nextLong();
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * Creates the catalogue now: the unmapped location and all styles in Blue Cherry, and (when
     * {@code preload-peoplevox-items}) the items and stock in Peoplevox. Safe to repeat: it sends the same data.
     */
    public synchronized CatalogueResult createCatalogue() {
        setUpBlueCherry();
        Seed seed = properties.isPreloadPeoplevoxItems() ? setUpPeoplevox() : null;
        return new CatalogueResult(catalogue.styles().size(), catalogue.skus().size(),
                List.of(UNMAPPED_LOCATION.location()),
                seed == null ? 0 : seed.items().size(), seed == null ? 0 : seed.stock().size());
    }

    /**
     * Creates {@code count} pick tickets in Blue Cherry now, about {@code badShare} of them bad (see
     * {@link OrderGenerator#generate}); creates the catalogue first if that has not happened yet.
     */
    public synchronized List<GeneratedPick> createOrders(int count, double badShare) {
        if (count < 0 || badShare < 0.0 || badShare > 1.0) {
            throw new IllegalArgumentException("count must not be negative and badShare must be between 0 and 1, were "
                    + count + " and " + badShare);
        }
        ensureSetUp();
        List<GeneratedPick> picks = orders.generate(count, badShare);
        if (picks.isEmpty()) {
            return picks;
        }
        blueCherry.createPicks(picks);
        for (GeneratedPick pick : picks) {
            picksByNumber.put(pick.pickNum(), pick);
            if (pick.badReason() == BadOrderReason.UNKNOWN_SKU) {
                picksWithUnknownSku++;
            } else if (pick.badReason() == BadOrderReason.UNMAPPED_LOCATION) {
                picksAtUnmappedLocation++;
            }
        }
        picksCreated += picks.size();
        return picks;
    }

    /** One order tick: release {@code orders-per-tick} picks. Returns the summary it logged. */
    public synchronized String runOrderTick() {
        orderTicks++;
        try {
            List<GeneratedPick> picks = createOrders(properties.getOrdersPerTick(), properties.getBadOrderShare());
            lastOrderTick = describeOrders(picks);
            log.info(lastOrderTick);
            failingOrderTicks = 0;
        } catch (RuntimeException e) {
            lastOrderTick = "scenario: order tick failed: " + message(e);
            recordFailure(e);
            logFailure(lastOrderTick, ++failingOrderTicks);
        }
        return lastOrderTick;
    }

    /**
     * One warehouse tick: read Peoplevox, move each open order at most one step (with probability
     * {@code advance-probability}), make some stock movements, maybe raise a return, and receive the returns
     * that are due. Returns the summary it logged.
     */
    public synchronized String runWarehouseTick() {
        warehouseTicks++;
        PeoplevoxControl.State state;
        try {
            state = peoplevox.state();
        } catch (RuntimeException e) {
            lastWarehouseTick = "scenario: warehouse tick failed: " + message(e);
            recordFailure(e);
            logFailure(lastWarehouseTick, ++failingWarehouseTicks);
            return lastWarehouseTick;
        }
        failingWarehouseTicks = 0;
        TickOutcome outcome = new TickOutcome();
        StockView stock = new StockView(state.stock());
        for (SalesOrder order : state.salesOrders()) {
            Optional<Advance> step = warehouse.nextStep(order);
            if (step.isEmpty()) {
                continue;
            }
            if (step.get().to().equals("Allocated")) {
                List<StockMovement> goodsIn = warehouse.replenishmentFor(order, stock);
                if (!goodsIn.isEmpty()) {
                    // short at its site: goods arrive now, the order is allocated on a later tick
                    goodsIn.forEach(movement -> moveStock(movement, stock, outcome));
                    continue;
                }
            }
            if (outcome.attempt(() -> peoplevox.advanceOrder(order.salesOrderNumber(), step.get()))) {
                outcome.advanced++;
                if (step.get().to().equals("Allocated")) {
                    order.lines().forEach(line -> stock.change(line.itemCode(), order.site(), -line.remaining()));
                }
                if (step.get().to().equals("Despatched")) {
                    outcome.despatched++;
                }
            }
        }
        for (StockMovement movement : warehouse.stockMovements(properties.getStockMovementsPerTick(), properties.getSites(), stock)) {
            moveStock(movement, stock, outcome);
        }
        if (warehouseRandom.nextDouble() < properties.getReturnProbability()) {
            raiseReturn(state.salesOrders(), outcome);
        }
        receiveDueReturns(state.expectedReturns(), outcome);

        ordersAdvanced += outcome.advanced;
        ordersDespatched += outcome.despatched;
        stockMovements += outcome.stockMovements;
        returnsAuthorised += outcome.returnsAuthorised;
        returnsReceived += outcome.returnsReceived;
        lastWarehouseTick = outcome.describe();
        if (outcome.failures > 0) {
            log.warn(lastWarehouseTick);
        } else {
            log.info(lastWarehouseTick);
        }
        return lastWarehouseTick;
    }

    /** Starts both ticks (no-op when running). */
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scenario-ticker");
            thread.setDaemon(true);
            return thread;
        });
        long startDelay = properties.getStartDelay().toMillis();
        ticker.scheduleWithFixedDelay(() -> tickIfRunning(this::runOrderTick),
                startDelay, positive(properties.getOrderInterval()), TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(() -> tickIfRunning(this::runWarehouseTick),
                startDelay, positive(properties.getWarehouseInterval()), TimeUnit.MILLISECONDS);
        log.info("scenario started: seed {}, {} styles ({} SKUs), {} picks every {}, warehouse every {}",
                properties.getSeed(), catalogue.styles().size(), catalogue.skus().size(),
                properties.getOrdersPerTick(), readable(properties.getOrderInterval()), readable(properties.getWarehouseInterval()));
    }

    /** Stops both ticks (no-op when stopped); a tick already running finishes first. */
    public synchronized void stop() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        ticker = null;
        log.info("scenario stopped");
    }

    public synchronized boolean isRunning() {
        return ticker != null;
    }

    public synchronized ScenarioState state() {
        return new ScenarioState(ticker != null, properties.getSeed(), catalogue.styles().size(), catalogue.skus().size(),
                catalogueInBlueCherry, itemsInPeoplevox, orderTicks, warehouseTicks, picksCreated,
                picksWithUnknownSku, picksAtUnmappedLocation, ordersAdvanced, ordersDespatched, stockMovements,
                returnsAuthorised, returnsReceived, pendingReturns.size(), failedCalls, lastOrderTick,
                lastWarehouseTick, lastError);
    }

    /** Starts ticking once the web server is up, so the control calls reach the simulators. */
    @EventListener(ApplicationReadyEvent.class)
    public void onApplicationReady() {
        if (properties.isAutoStart()) {
            start();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void tickIfRunning(Runnable tick) {
        synchronized (this) {
            if (ticker == null) {
                return;
            }
            try {
                tick.run();
            } catch (RuntimeException e) {
                // the ticks catch their own failures; this only guards the schedule against a bug
                log.warn("scenario: tick failed unexpectedly: {}", e.toString());
            }
        }
    }

    private void ensureSetUp() {
        if (!catalogueInBlueCherry) {
            setUpBlueCherry();
        }
        if (properties.isPreloadPeoplevoxItems() && !itemsInPeoplevox) {
            setUpPeoplevox();
        }
    }

    private void setUpBlueCherry() {
        blueCherry.createLocations(List.of(UNMAPPED_LOCATION));
        blueCherry.createStyles(catalogue.styles());
        catalogueInBlueCherry = true;
        log.info("scenario: catalogue created in Blue Cherry: {} styles, {} SKUs, location {}",
                catalogue.styles().size(), catalogue.skus().size(), UNMAPPED_LOCATION.location());
    }

    private Seed setUpPeoplevox() {
        // a fresh generator from a fixed seed, so every preload sends the same stock
        Seed seed = PeoplevoxPreload.build(catalogue, properties.getSites(), new SplittableRandom(preloadSeed));
        peoplevox.seed(seed);
        itemsInPeoplevox = true;
        log.info("scenario: {} items and {} stock rows seeded in Peoplevox", seed.items().size(), seed.stock().size());
        return seed;
    }

    private void raiseReturn(List<SalesOrder> salesOrders, TickOutcome outcome) {
        List<SalesOrder> candidates = new ArrayList<>();
        for (SalesOrder order : salesOrders) {
            if (order.status().equals("Despatched") && !returnedOrders.contains(order.salesOrderNumber())
                    && findPick(order.salesOrderNumber()).isPresent()) {
                candidates.add(order);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        SalesOrder order = Randoms.pick(candidates, warehouseRandom);
        GeneratedPick pick = findPick(order.salesOrderNumber()).orElseThrow();
        String raNum = "RA" + nextRaNumber++;
        Optional<ReturnAuthorisation> ra = warehouse.returnFor(order, pick, raNum, LocalDate.now(clock));
        if (ra.isPresent() && outcome.attempt(() -> blueCherry.createReturnAuthorisations(List.of(ra.get())))) {
            returnedOrders.add(order.salesOrderNumber());
            pendingReturns.add(new PendingReturn(ra.get(), order.salesOrderNumber(),
                    warehouseTicks + properties.getReturnReceiptDelayTicks()));
            outcome.returnsAuthorised++;
        }
    }

    private void moveStock(StockMovement movement, StockView stock, TickOutcome outcome) {
        if (outcome.attempt(() -> peoplevox.moveStock(movement))) {
            outcome.stockMovements++;
            stock.change(movement.itemCode(), movement.site(), movement.delta());
        }
    }

    private void receiveDueReturns(List<PeoplevoxControl.ExpectedReturn> expected, TickOutcome outcome) {
        Iterator<PendingReturn> due = pendingReturns.iterator();
        while (due.hasNext()) {
            PendingReturn pending = due.next();
            if (pending.dueTick() > warehouseTicks) {
                continue;
            }
            due.remove();   // received once, even if a call fails: the parcel is not sent twice
            boolean allReceived = true;
            for (ReturnReceipt receipt : warehouse.receiptsFor(pending.ra(), pending.salesOrderNumber(), expected)) {
                allReceived &= outcome.attempt(() -> peoplevox.receiveReturn(receipt));
            }
            if (allReceived) {
                outcome.returnsReceived++;
            }
        }
    }

    /**
     * The pick a Peoplevox sales order came from: its number is the pick number, or starts with it and a
     * non-digit suffix (e.g. a revision).
     */
    private Optional<GeneratedPick> findPick(String salesOrderNumber) {
        GeneratedPick exact = picksByNumber.get(salesOrderNumber);
        if (exact != null) {
            return Optional.of(exact);
        }
        String leadingDigits = salesOrderNumber.replaceFirst("^(\\d+).*$", "$1");
        return Optional.ofNullable(picksByNumber.get(leadingDigits));
    }

    /**
     * A failed tick at WARN, but while the same kind of tick keeps failing (a simulator is down) only every
     * {@value #REPEATED_FAILURE_LOG_EVERY}th at WARN and the others at DEBUG, so the log stays readable.
     */
    private static void logFailure(String summary, int consecutiveFailures) {
        if (consecutiveFailures == 1) {
            log.warn(summary);
        } else if (consecutiveFailures % REPEATED_FAILURE_LOG_EVERY == 0) {
            log.warn("{} (failing for {} ticks in a row)", summary, consecutiveFailures);
        } else {
            log.debug(summary);
        }
    }

    private void recordFailure(RuntimeException e) {
        failedCalls++;
        lastError = message(e);
    }

    private static String message(RuntimeException e) {
        return e instanceof ControlCallException || e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static String describeOrders(List<GeneratedPick> picks) {
        long unknownSku = picks.stream().filter(p -> p.badReason() == BadOrderReason.UNKNOWN_SKU).count();
        long unmapped = picks.stream().filter(p -> p.badReason() == BadOrderReason.UNMAPPED_LOCATION).count();
        List<String> bad = new ArrayList<>();
        if (unknownSku > 0) {
            bad.add(unknownSku + " with unknown SKU");
        }
        if (unmapped > 0) {
            bad.add(unmapped + " at unmapped location " + UNMAPPED_LOCATION.location());
        }
        return "scenario: " + count(picks.size(), "pick") + " released in Blue Cherry"
                + (bad.isEmpty() ? "" : " (" + String.join(", ", bad) + ")");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String readable(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static long positive(Duration interval) {
        return Math.max(1, interval.toMillis());
    }

    private static <K, V> Map<K, V> boundedMap(int limit) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > limit;
            }
        };
    }

    /** Counts of one warehouse tick and its failed calls (the first failure is kept for the log line). */
    private final class TickOutcome {
        int advanced;
        int despatched;
        int stockMovements;
        int returnsAuthorised;
        int returnsReceived;
        int failures;
        String firstFailure;

        boolean attempt(Runnable call) {
            try {
                call.run();
                return true;
            } catch (RuntimeException e) {
                failures++;
                recordFailure(e);
                if (firstFailure == null) {
                    firstFailure = message(e);
                }
                return false;
            }
        }

        String describe() {
            return "scenario: " + count(advanced, "order") + " advanced (" + despatched + " despatched), "
                    + count(stockMovements, "stock movement") + ", "
                    + count(returnsAuthorised, "return") + " authorised in Blue Cherry, "
                    + count(returnsReceived, "return") + " received in Peoplevox"
                    + (failures == 0 ? "" : "; " + count(failures, "call") + " failed, first: " + firstFailure);
        }
    }
}
