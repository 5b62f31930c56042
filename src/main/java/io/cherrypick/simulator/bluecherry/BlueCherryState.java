package io.cherrypick.simulator.bluecherry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cherrypick.simulator.bluecherry.model.LookupRecord;
import io.cherrypick.simulator.bluecherry.model.Pick;
import io.cherrypick.simulator.bluecherry.model.ProductionOrder;
import io.cherrypick.simulator.bluecherry.model.ReturnAuthorisation;
import io.cherrypick.simulator.bluecherry.model.Sku;
import io.cherrypick.simulator.bluecherry.model.Stock;
import io.cherrypick.simulator.bluecherry.model.StockKey;
import io.cherrypick.simulator.bluecherry.model.Style;
import io.cherrypick.simulator.bluecherry.model.Templates;

/**
 * Everything the simulated Blue Cherry holds. Not thread-safe by itself: {@link BlueCherrySimulator} guards every
 * access with one lock, which keeps multi-record postings atomic.
 */
public final class BlueCherryState {
    private final Map<String, Style> styles = new LinkedHashMap<>();
    private final Map<String, Sku> skusByUpc = new HashMap<>();
    private final Map<String, Pick> picks = new LinkedHashMap<>();
    private final Map<String, ProductionOrder> productionOrders = new LinkedHashMap<>();
    private final Map<String, ReturnAuthorisation> returnAuthorisations = new LinkedHashMap<>();
    private final Map<String, LookupRecord> locations = new LinkedHashMap<>();
    private final Map<String, LookupRecord> shippers = new LinkedHashMap<>();
    private final Map<StockKey, Stock> stock = new LinkedHashMap<>();

    private final List<Map<String, Object>> shipments = new ArrayList<>();
    private final List<Map<String, Object>> notifications = new ArrayList<>();
    private final List<Map<String, Object>> invoices = new ArrayList<>();
    private final List<Map<String, Object>> adjustments = new ArrayList<>();
    private final List<Map<String, Object>> receipts = new ArrayList<>();
    private final List<Map<String, Object>> returnReceipts = new ArrayList<>();
    private final List<Map<String, Object>> creditMemos = new ArrayList<>();

    /** Transaction numbers already posted → the pkey they were answered with. */
    private final Map<String, Long> isaNums = new LinkedHashMap<>();
    private final Map<String, Long> adjNums = new LinkedHashMap<>();

    private final Map<String, Long> sequences = new HashMap<>();

    /** Empties everything and loads the default locations and shippers. */
    void resetAndSeed() {
        styles.clear();
        skusByUpc.clear();
        picks.clear();
        productionOrders.clear();
        returnAuthorisations.clear();
        locations.clear();
        shippers.clear();
        stock.clear();
        shipments.clear();
        notifications.clear();
        invoices.clear();
        adjustments.clear();
        receipts.clear();
        returnReceipts.clear();
        creditMemos.clear();
        isaNums.clear();
        adjNums.clear();
        sequences.clear();
        addLocation(Map.of("location", "NJ", "loc_name", "New Jersey DC", "loc_type", "W"));
        addLocation(Map.of("location", "LDN", "loc_name", "London DC", "loc_type", "W"));
        addLocation(Map.of("location", "STORE1", "loc_name", "Store 1", "loc_type", "S"));
        addShipper(Map.of("shipper", "UPS", "ship_name", "United Parcel Service"));
        addShipper(Map.of("shipper", "FEDX", "ship_name", "FedEx"));
        addShipper(Map.of("shipper", "DHL", "ship_name", "DHL Express"));
        addShipper(Map.of("shipper", "RM", "ship_name", "Royal Mail"));
    }

    /** Posted documents kept per list, whatever {@code max-records} says: the newest, for the control API. */
    static final int MAX_DOCUMENTS = 10_000;

    /**
     * Keeps at most {@code max} of each kind of record, so a long demo run does not grow without end: past it, the oldest
     * settled records go first (a pick that shipped or ended, a production order received in full, a return
     * authorisation received in full, the oldest posted documents (at most {@link #MAX_DOCUMENTS} of each list) and
     * transaction numbers). A record a flow still works on (an open pick, production order or RA) is never dropped,
     * even when that leaves more than {@code max}.
     */
    void trim(int max) {
        // posted documents are kept as their JSON maps, for the control API only (every look-up a client can make reads
        // the records above): at most MAX_DOCUMENTS of each list, or a day's stock overlays alone (up to 100,000 rows of
        // a dozen fields) fill a 512 MB simulator's heap
        dropSettled(picks, max, p -> !p.status().isOpen());
        dropSettled(productionOrders, max, po -> "RECEIVED".equals(po.receiptStatus()));
        dropSettled(returnAuthorisations, max, ra -> "RECEIVED".equals(ra.status()));
        int maxDocuments = Math.min(max, MAX_DOCUMENTS);
        for (List<Map<String, Object>> documents : List.of(shipments, notifications, invoices, adjustments, receipts,
                returnReceipts, creditMemos)) {
            if (documents.size() > maxDocuments) {
                documents.subList(0, documents.size() - maxDocuments).clear();
            }
        }
        dropSettled(isaNums, max, n -> true);
        dropSettled(adjNums, max, n -> true);
    }

    private static <V> void dropSettled(Map<String, V> records, int max, java.util.function.Predicate<V> settled) {
        int excess = records.size() - max;
        for (var it = records.values().iterator(); excess > 0 && it.hasNext(); ) {
            if (settled.test(it.next())) {
                it.remove();
                excess--;
            }
        }
    }

    /**
     * Next number of a named sequence. Pkeys start at 1 per resource; business numbers (pick_num, inv_num, cm_num)
     * start at readable six-digit values.
     */
    public long next(String sequence) {
        long start = switch (sequence) {
            case "pick_num" -> 100001;
            case "inv_num" -> 500001;
            case "cm_num" -> 700001;
            case "ra_num" -> 900001;
            default -> 1;
        };
        return sequences.merge(sequence, start, (old, ignored) -> old + 1);
    }

    LookupRecord addLocation(Map<String, ?> input) {
        LookupRecord existing = locations.get(String.valueOf(input.get("location")).trim());
        LookupRecord r = LookupRecord.create(existing != null ? existing.pkey() : next("Location"), input, Templates.LOCATION, "location");
        locations.put(r.code(), r);
        return r;
    }

    LookupRecord addShipper(Map<String, ?> input) {
        LookupRecord existing = shippers.get(String.valueOf(input.get("shipper")).trim());
        LookupRecord r = LookupRecord.create(existing != null ? existing.pkey() : next("Shipper"), input, Templates.SHIPPER, "shipper");
        shippers.put(r.code(), r);
        return r;
    }

    /** Adds or replaces a style and re-indexes its UPCs. */
    void putStyle(Style style) {
        Style previous = styles.put(style.style(), style);
        if (previous != null) {
            previous.skusByUpc().keySet().forEach(skusByUpc::remove);
        }
        skusByUpc.putAll(style.skusByUpc());
    }

    /** The SKU that owns a UPC in the style master, or null when no style has it. */
    public Sku skuByUpc(String upc) {
        return skusByUpc.get(upc);
    }

    /** The stock row of a SKU at a location, created empty on first use. */
    public Stock stockOf(Sku sku, String upc, String location) {
        return stock.computeIfAbsent(new StockKey(sku, location), k -> new Stock(upc));
    }

    public boolean locationExists(String code) {
        return locations.containsKey(code);
    }

    public boolean shipperExists(String code) {
        return shippers.containsKey(code);
    }

    public Map<String, Style> styles() {
        return styles;
    }

    public Map<String, Pick> picks() {
        return picks;
    }

    public Map<String, ProductionOrder> productionOrders() {
        return productionOrders;
    }

    public Map<String, ReturnAuthorisation> returnAuthorisations() {
        return returnAuthorisations;
    }

    public Map<String, LookupRecord> locations() {
        return locations;
    }

    public Map<String, LookupRecord> shippers() {
        return shippers;
    }

    public Map<StockKey, Stock> stock() {
        return stock;
    }

    public List<Map<String, Object>> shipments() {
        return shipments;
    }

    public List<Map<String, Object>> notifications() {
        return notifications;
    }

    public List<Map<String, Object>> invoices() {
        return invoices;
    }

    public List<Map<String, Object>> adjustments() {
        return adjustments;
    }

    public List<Map<String, Object>> receipts() {
        return receipts;
    }

    public List<Map<String, Object>> returnReceipts() {
        return returnReceipts;
    }

    public List<Map<String, Object>> creditMemos() {
        return creditMemos;
    }

    public Map<String, Long> isaNums() {
        return isaNums;
    }

    public Map<String, Long> adjNums() {
        return adjNums;
    }
}
