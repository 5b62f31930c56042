package io.cherrypick.simulator.bluecherry;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.cherrypick.simulator.bluecherry.CallLog.ApiCall;
import io.cherrypick.simulator.bluecherry.FaultInjector.Fault;
import io.cherrypick.simulator.bluecherry.FaultInjector.FaultRequest;
import io.cherrypick.simulator.bluecherry.model.Fields;
import io.cherrypick.simulator.bluecherry.model.Pick;
import io.cherrypick.simulator.bluecherry.model.PickStatus;
import io.cherrypick.simulator.bluecherry.model.ProductionOrder;
import io.cherrypick.simulator.bluecherry.model.ReturnAuthorisation;
import io.cherrypick.simulator.bluecherry.model.Sku;
import io.cherrypick.simulator.bluecherry.model.Stock;
import io.cherrypick.simulator.bluecherry.model.StockKey;
import io.cherrypick.simulator.bluecherry.model.Style;
import io.cherrypick.simulator.bluecherry.model.Timestamps;
import io.cherrypick.simulator.bluecherry.posting.PostOutcome;
import io.cherrypick.simulator.bluecherry.posting.PostingContext;

/**
 * The simulated Blue Cherry: state, settings, clock, faults and call log behind one lock. The HTTP controllers
 * delegate here, and in-process tests may call the same public methods (they mirror {@code /_control}).
 */
@Component
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
public class BlueCherrySimulator {
    private final BlueCherrySimulatorProperties properties;
    private final BlueCherryState state = new BlueCherryState();
    private final SimClock clock = new SimClock(Clock.systemUTC());
    private final FaultInjector faults = new FaultInjector();
    private final CallLog calls = new CallLog();
    private volatile SimulatorSettings settings;

    public BlueCherrySimulator(BlueCherrySimulatorProperties properties) {
        this.properties = properties;
        reset();
    }

    // ---------------------------------------------------------------- API

    /** Whether the APIM subscription key is one of the configured keys. */
    public boolean acceptsKey(String key) {
        return key != null && settings.subscriptionKeys().contains(key);
    }

    /** GET on a read resource; {@code params} are the query parameters with lower-cased names. */
    public synchronized ApiResponse read(ApiOperation op, Map<String, String> params) {
        return ResourceReader.read(op, params, state, settings, properties.version());
    }

    /** POST of a JSON array to a write resource. */
    public synchronized ApiResponse post(ApiOperation op, String body) {
        List<Map<String, Object>> records;
        try {
            records = SimJson.readRecords(body);
        } catch (IllegalArgumentException e) {
            return validationError(List.of(e.getMessage()));
        }
        if (records.isEmpty()) {
            return validationError(List.of("The request body must contain at least one record"));
        }
        PostOutcome outcome = op.posting().post(records, new PostingContext(state, settings, clock.now()));
        state.trim(settings.maxRecords());
        if (outcome instanceof PostOutcome.Accepted accepted) {
            return new ApiResponse(200, Map.of("pkey", accepted.pkey()));
        }
        return validationError(((PostOutcome.Rejected) outcome).messages());
    }

    private ApiResponse validationError(List<String> messages) {
        return new ApiResponse(400, ErrorBodies.validation(settings.errorShape(), messages));
    }

    /** The fault to inject into a call of the named operation, if one is armed. */
    public Fault nextFault(String operation) {
        return faults.next(operation);
    }

    public void recordCall(ApiCall call) {
        calls.record(call);
    }

    // ---------------------------------------------------------------- control: reset and master data

    /** Back to the seed: default locations and shippers only, no faults, empty call log, default config, real time. */
    public synchronized void reset() {
        settings = SimulatorSettings.from(properties);
        clock.real();
        clock.zone(ZoneId.of(settings.timeZone()));
        faults.clear();
        calls.clear();
        state.resetAndSeed();
    }

    /** Creates or replaces styles by {@code style}; pkeys kept on replace, {@code last_mod} = now. */
    public synchronized List<Map<String, Object>> upsertStyles(List<Map<String, Object>> input) {
        LocalDateTime now = clock.now();
        List<Style> built = new ArrayList<>();
        for (Map<String, Object> s : input) {
            String code = Fields.requireText(s, "style", "style record");
            Style existing = state.styles().get(code);
            long pkey = existing != null ? existing.pkey() : state.next("style");
            built.add(Style.create(pkey, s, () -> state.next("styledetail"), now));
        }
        built.forEach(state::putStyle);
        return built.stream().map(s -> summary("style", s.style(), s.pkey(), s.lastMod())).toList();
    }

    public synchronized List<Map<String, Object>> addLocations(List<Map<String, Object>> input) {
        input.forEach(r -> Fields.requireText(r, "location", "location record"));
        return input.stream().map(state::addLocation).map(r -> r.render(false)).toList();
    }

    public synchronized List<Map<String, Object>> addShippers(List<Map<String, Object>> input) {
        input.forEach(r -> Fields.requireText(r, "shipper", "shipper record"));
        return input.stream().map(state::addShipper).map(r -> r.render(false)).toList();
    }

    /**
     * Sets stock directly (seeding, not an API transaction): rows with the SKU tuple, {@code upc}, {@code location},
     * {@code qoh} and optionally {@code quarantine}.
     */
    public synchronized List<Map<String, Object>> setInventory(List<Map<String, Object>> input) {
        record Row(StockKey key, String upc, int qoh, Integer quarantine) {
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> row : input) {
            String upc = Fields.requireText(row, "upc", "inventory row");
            String name = "inventory row upc " + upc;
            String location = Fields.requireText(row, "location", name);
            if (!state.locationExists(location)) {
                throw new IllegalArgumentException(name + ": location '" + location + "' does not exist");
            }
            Sku onFile = state.skuByUpc(upc);
            rows.add(new Row(new StockKey(onFile != null ? onFile : Sku.of(row), location), upc,
                    Fields.requireQuantity(row, "qoh", name),
                    row.containsKey("quarantine") ? Fields.requireQuantity(row, "quarantine", name) : null));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row row : rows) {
            Stock stock = state.stockOf(row.key().sku(), row.upc(), row.key().location());
            stock.setQoh(row.qoh());
            if (row.quarantine() != null) {
                stock.setQuarantine(row.quarantine());
            }
            out.add(stock.render(row.key()));
        }
        return out;
    }

    // ---------------------------------------------------------------- control: picks, production orders, RAs

    /** Creates open picks; {@code pick_num} is taken from the input or assigned. */
    public synchronized List<Map<String, Object>> createPicks(List<Map<String, Object>> input) {
        LocalDateTime now = clock.now();
        Set<String> numbers = new HashSet<>();
        List<Pick> built = new ArrayList<>();
        for (Map<String, Object> p : input) {
            String pickNum = Fields.isBlank(p, "pick_num") ? nextFreeNumber("pick_num", state.picks().keySet(), numbers)
                    : Fields.textOrEmpty(p, "pick_num");
            if (state.picks().containsKey(pickNum) || !numbers.add(pickNum)) {
                throw new IllegalArgumentException("pick_num " + pickNum + " already exists; use /picks/" + pickNum + "/modify");
            }
            built.add(Pick.create(state.next("pick"), pickNum, p, () -> state.next("pickdetail"), now));
        }
        built.forEach(p -> state.picks().put(p.pickNum(), p));
        state.trim(settings.maxRecords());
        return built.stream().map(Pick::summary).toList();
    }

    /** Changes header fields and/or replaces lines or addresses; {@code last_mod} moves. */
    public synchronized Map<String, Object> modifyPick(String pickNum, Map<String, Object> changes) {
        Pick pick = pick(pickNum);
        pick.modify(changes, () -> state.next("pickdetail"), clock.now());
        return pick.summary();
    }

    /** Voids the pick ({@code ord_status} V); it can no longer ship. */
    public synchronized Map<String, Object> voidPick(String pickNum) {
        Pick pick = pick(pickNum);
        pick.end(PickStatus.VOID, clock.now());
        return pick.summary();
    }

    /** Cancels the pick ({@code ord_status} C); it can no longer ship. */
    public synchronized Map<String, Object> cancelPick(String pickNum) {
        Pick pick = pick(pickNum);
        pick.end(PickStatus.CANCELLED, clock.now());
        return pick.summary();
    }

    public synchronized Map<String, Object> pickSummary(String pickNum) {
        return pick(pickNum).summary();
    }

    private Pick pick(String pickNum) {
        Pick pick = state.picks().get(pickNum);
        if (pick == null) {
            throw new UnknownRecordException("pick_num " + pickNum + " does not exist");
        }
        return pick;
    }

    /** Creates or replaces production orders by {@code prod_num} (stage 3 = open to receive, the default). */
    public synchronized List<Map<String, Object>> createProductionOrders(List<Map<String, Object>> input) {
        LocalDateTime now = clock.now();
        List<ProductionOrder> built = new ArrayList<>();
        for (Map<String, Object> po : input) {
            built.add(ProductionOrder.create(state.next("productionOrder"), po, () -> state.next("productionOrderDetail"), now));
        }
        built.forEach(po -> state.productionOrders().put(po.prodNum(), po));
        state.trim(settings.maxRecords());
        return built.stream().map(ProductionOrder::summary).toList();
    }

    /** Creates return authorisations (invented resource); {@code ra_num} is taken from the input or assigned. */
    public synchronized List<Map<String, Object>> createReturnAuthorisations(List<Map<String, Object>> input) {
        LocalDateTime now = clock.now();
        Set<String> numbers = new HashSet<>();
        List<ReturnAuthorisation> built = new ArrayList<>();
        for (Map<String, Object> ra : input) {
            String raNum = Fields.isBlank(ra, "ra_num") ? nextFreeNumber("ra_num", state.returnAuthorisations().keySet(), numbers)
                    : Fields.textOrEmpty(ra, "ra_num");
            if (state.returnAuthorisations().containsKey(raNum) || !numbers.add(raNum)) {
                throw new IllegalArgumentException("ra_num " + raNum + " already exists");
            }
            built.add(ReturnAuthorisation.create(state.next("returnAuthorization"), raNum, ra, () -> state.next("radetail"), now));
        }
        built.forEach(ra -> state.returnAuthorisations().put(ra.raNum(), ra));
        state.trim(settings.maxRecords());
        return built.stream().map(ReturnAuthorisation::summary).toList();
    }

    private String nextFreeNumber(String sequence, Set<String> taken, Set<String> takenInBatch) {
        String candidate;
        do {
            candidate = String.valueOf(state.next(sequence));
        } while (taken.contains(candidate) || takenInBatch.contains(candidate));
        return candidate;
    }

    // ---------------------------------------------------------------- control: what the simulator holds and received

    public synchronized Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("styles", state.styles().size());
        s.put("picks", state.picks().values().stream().map(Pick::summary).toList());
        s.put("productionOrders", state.productionOrders().values().stream().map(ProductionOrder::summary).toList());
        s.put("returnAuthorisations", state.returnAuthorisations().values().stream().map(ReturnAuthorisation::summary).toList());
        s.put("locations", state.locations().values().stream().map(r -> r.render(false)).toList());
        s.put("shippers", state.shippers().values().stream().map(r -> r.render(false)).toList());
        s.put("shipments", List.copyOf(state.shipments()));
        s.put("notifications", List.copyOf(state.notifications()));
        s.put("invoices", List.copyOf(state.invoices()));
        s.put("inventory", inventory());
        s.put("adjustments", List.copyOf(state.adjustments()));
        s.put("receipts", List.copyOf(state.receipts()));
        s.put("returnReceipts", List.copyOf(state.returnReceipts()));
        s.put("creditMemos", List.copyOf(state.creditMemos()));
        s.put("clock", clock());
        return s;
    }

    public synchronized List<Map<String, Object>> shipments() {
        return List.copyOf(state.shipments());
    }

    public synchronized List<Map<String, Object>> notifications() {
        return List.copyOf(state.notifications());
    }

    public synchronized List<Map<String, Object>> invoices() {
        return List.copyOf(state.invoices());
    }

    /** Stock per SKU × location: {@code qoh} and {@code quarantine}. */
    public synchronized List<Map<String, Object>> inventory() {
        return state.stock().entrySet().stream().map(e -> e.getValue().render(e.getKey())).toList();
    }

    /** The PhysicalInventoryTM variance log. */
    public synchronized List<Map<String, Object>> adjustments() {
        return List.copyOf(state.adjustments());
    }

    /** ProductionReceiptAdvice receipts. */
    public synchronized List<Map<String, Object>> receipts() {
        return List.copyOf(state.receipts());
    }

    public synchronized List<Map<String, Object>> returnReceipts() {
        return List.copyOf(state.returnReceipts());
    }

    public synchronized List<Map<String, Object>> creditMemos() {
        return List.copyOf(state.creditMemos());
    }

    public List<ApiCall> calls(String path, String method) {
        return calls.find(path, method);
    }

    public void clearCalls() {
        calls.clear();
    }

    // ---------------------------------------------------------------- control: clock, faults, config

    public Map<String, Object> freezeClock(LocalDateTime at) {
        clock.freeze(at);
        return clock();
    }

    public Map<String, Object> advanceClock(long seconds) {
        clock.advance(seconds);
        return clock();
    }

    public Map<String, Object> realClock() {
        clock.real();
        return clock();
    }

    public Map<String, Object> clock() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("now", Timestamps.format(clock.now()));
        c.put("frozen", clock.frozen());
        c.put("timeZone", settings.timeZone());
        return c;
    }

    public Fault addFault(FaultRequest request) {
        return faults.add(request);
    }

    public List<Fault> faults() {
        return faults.list();
    }

    public void clearFaults() {
        faults.clear();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public synchronized SimulatorSettings updateSettings(SimulatorSettings.Update update) {
        settings = settings.with(update);
        clock.zone(ZoneId.of(settings.timeZone()));
        state.trim(settings.maxRecords());
        return settings;
    }

    private static Map<String, Object> summary(String codeField, String code, long pkey, LocalDateTime lastMod) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(codeField, code);
        s.put("pkey", pkey);
        s.put("last_mod", Timestamps.format(lastMod));
        return s;
    }
}
