package io.cherrypick.setup;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.bluecherry.model.Style;
import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.ItemDrift;
import io.cherrypick.failure.Problem;
import io.cherrypick.flow.item.ItemValidator;
import io.cherrypick.mapping.MappingFile;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.peoplevox.SearchClauses;

/**
 * What one audit read from both systems, read once (on first use) and shared by the checks. A read that fails is
 * remembered as failed: every check that needs it reports "not checked" with the reason, and the audit goes on with
 * the checks that need only what could be read.
 */
final class Readings {
    /** Search terms per Peoplevox lookup call (as the flows do) and per Blue Cherry lookup call. */
    static final int PEOPLEVOX_TERMS = 100;
    static final int BLUE_CHERRY_TERMS = 20;
    private static final DateTimeFormatter BLUE_CHERRY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A read that failed: checks needing it are not checked. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String why) {
            super(why, null, false, false);
        }
    }

    /** One Blue Cherry SKU as Cherrypick would send it: its mapped Item types row and the item flow's objections. */
    record CatalogueSku(StyleSku sku, String itemCode, String barcode, String label, Map<String, String> row,
                        List<String> problems, BigDecimal cost) {
    }

    private final PeoplevoxReads peoplevox;
    private final BlueCherryReads blueCherry;
    private final ItemCodes itemCodes;
    private final Mappings mappings;
    private final ItemValidator itemValidator;
    private final SetupProperties setup;
    private final Map<String, Object> read = new HashMap<>();

    Readings(PeoplevoxReads peoplevox, BlueCherryReads blueCherry, ItemCodes itemCodes, Mappings mappings,
             ItemValidator itemValidator, SetupProperties setup) {
        this.peoplevox = peoplevox;
        this.blueCherry = blueCherry;
        this.itemCodes = itemCodes;
        this.mappings = mappings;
        this.itemValidator = itemValidator;
        this.setup = setup;
    }

    PeoplevoxReads peoplevox() {
        return peoplevox;
    }

    BlueCherryReads blueCherry() {
        return blueCherry;
    }

    // ---- Blue Cherry

    /** Every SKU of every Blue Cherry style, mapped by routes/mappings/item.yaml and checked by the item flow's rules. */
    List<CatalogueSku> skus() {
        return once("Blue Cherry styles", () -> {
            MappingFile item = mappings.file("item");
            Map<String, ?> expressions = item.part("item").fields();
            List<CatalogueSku> skus = new ArrayList<>();
            for (JsonNode json : blueCherry.all("style", null)) {
                for (StyleSku sku : Style.of(json).getSkus()) {
                    Map<String, String> row = mappings.map("item", sku, Map.of()).row("item");
                    String code = row.getOrDefault("ItemCode", "");
                    String label = sku.label(code);
                    List<String> problems = itemValidator.problems(label, row, expressions::get).stream()
                            .map(Problem::message).toList();
                    skus.add(new CatalogueSku(sku, code, row.getOrDefault("Barcode", ""), label, row, problems,
                            number(sku.value("std_cost"))));
                }
            }
            return skus;
        });
    }

    /** The ItemCodes of Blue Cherry's catalogue. */
    Set<String> skuCodes() {
        return skus().stream().map(CatalogueSku::itemCode).filter(c -> !c.isEmpty()).collect(Collectors.toSet());
    }

    /** Open picks (any age) and every pick changed within the lookback (cancelled ones among them). */
    List<Pick> picks() {
        return once("Blue Cherry pick tickets", () -> {
            String open = setup.openStatuses().stream().map(s -> "ord_status eq '" + quote(s) + "'")
                    .collect(Collectors.joining(" or "));
            String since = BLUE_CHERRY_TIME.format(LocalDateTime.now().minus(setup.ordersLookback()));
            return blueCherry.all("pick", open + " or last_mod ge '" + since + "'").stream().map(Pick::of).toList();
        });
    }

    boolean isOpen(Pick pick) {
        return setup.openStatuses().stream().anyMatch(s -> s.equalsIgnoreCase(pick.getOrdStatus()));
    }

    /** The picks with these numbers that the pick read did not bring (older, unchanged), looked up by number. */
    Map<String, Pick> picksByNumber(Collection<String> numbers) {
        Map<String, Pick> found = new LinkedHashMap<>();
        List<String> list = new ArrayList<>(new LinkedHashSet<>(numbers));
        for (int i = 0; i < list.size(); i += BLUE_CHERRY_TERMS) {
            String filter = list.subList(i, Math.min(list.size(), i + BLUE_CHERRY_TERMS)).stream()
                    .map(n -> "pick_num eq '" + quote(n) + "'").collect(Collectors.joining(" or "));
            blueCherry.all("pick", filter).stream().map(Pick::of).forEach(p -> found.put(p.getPickNum(), p));
        }
        return found;
    }

    /** Purchase (production) orders at the receiving stage (stage_num 3). */
    List<JsonNode> purchaseOrders() {
        return once("Blue Cherry purchase orders", () -> blueCherry.all("productionOrderByStage", "stage_num eq '3'"));
    }

    /** Blue Cherry's shipper codes. */
    List<String> shippers() {
        return once("Blue Cherry shippers", () -> blueCherry.all("Shipper", null).stream()
                .map(s -> s.path("shipper").asText("").trim()).filter(s -> !s.isEmpty()).toList());
    }

    /** Stock on hand per SKU and location ({@link SetupProperties#stockResource()}). */
    List<JsonNode> inventory() {
        return once("Blue Cherry stock (" + setup.stockResource() + ")", () -> blueCherry.all(setup.stockResource(), null));
    }

    /** The ItemCode of a Blue Cherry record carrying a SKU (a pick line, a stock row). */
    String itemCode(JsonNode sku) {
        return itemCodes.itemCode(sku, sku.path("style").asText("").trim());
    }

    // ---- Peoplevox

    /** Every Peoplevox item type, as GetData gives it. */
    List<Map<String, String>> items() {
        return once("Peoplevox Item types", () -> peoplevox.getData("Item types", "").rows());
    }

    /** Peoplevox item types by ItemCode (deactivated ones, ~D~ in the code, left out). */
    Map<String, Map<String, String>> itemsByCode() {
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        for (Map<String, String> row : items()) {
            String code = row.getOrDefault("ItemCode", "").trim();
            if (!code.isEmpty() && !code.contains(ItemDrift.DEACTIVATED)) {
                byCode.putIfAbsent(code, row);
            }
        }
        return byCode;
    }

    /** Peoplevox sales orders created within the lookback, by number. */
    Map<String, Map<String, String>> orders() {
        return once("Peoplevox Sales orders", () -> {
            String clause = "CreatedDate >= " + PeoplevoxDates.searchLiteral(LocalDateTime.now().minus(setup.ordersLookback()));
            return byNumber(peoplevox.getData("Sales orders", clause).rows());
        });
    }

    /** The Peoplevox sales orders with these numbers, looked up by number (100 per call). */
    Map<String, Map<String, String>> ordersByNumber(Collection<String> numbers) {
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        List<String> list = new ArrayList<>(new LinkedHashSet<>(numbers));
        for (int i = 0; i < list.size(); i += PEOPLEVOX_TERMS) {
            String clause = SearchClauses.anyEquals("SalesOrderNumber", list.subList(i, Math.min(list.size(), i + PEOPLEVOX_TERMS)));
            found.putAll(byNumber(peoplevox.getData("Sales orders", clause).rows()));
        }
        return found;
    }

    /** Peoplevox site references. */
    Set<String> sites() {
        return once("Peoplevox Sites", () -> column(peoplevox.getData("Sites", ""), "Reference"));
    }

    /** Peoplevox service types: name to carrier. */
    Map<String, String> serviceTypes() {
        return once("Peoplevox Service types", () -> {
            CsvTable table = peoplevox.getData("Service types", "");
            Map<String, String> carriers = new LinkedHashMap<>();
            column(table, "Name");
            table.rows().forEach(r -> carriers.putIfAbsent(r.getOrDefault("Name", "").trim(),
                    r.getOrDefault("Carrier", "").trim()));
            carriers.remove("");
            return carriers;
        });
    }

    /** Every row of the stock report (Item inventory summary). */
    List<Map<String, String>> stock(String report) {
        return once("Peoplevox report " + report, () -> peoplevox.getReport(report, "").rows());
    }

    /** The returns received within the returns lookback (Return summary). */
    List<Map<String, String>> returns() {
        return once("Peoplevox report Return summary", () -> peoplevox.getReport("Return summary", "[Return date] >= "
                + PeoplevoxDates.searchLiteral(LocalDateTime.now().minus(setup.returnsLookback()))).rows());
    }

    // ----

    /**
     * {@code reading}'s value, read on first use and kept for the audit; a failed reading is kept as failed (its
     * {@link Unavailable} says what could not be read and why).
     */
    @SuppressWarnings("unchecked")
    <T> T once(String what, Supplier<T> reading) {
        Object known = read.get(what);
        if (known instanceof Unavailable failed) {
            throw failed;
        }
        if (known != null) {
            return (T) known;
        }
        try {
            T value = reading.get();
            read.put(what, value);
            return value;
        } catch (RuntimeException e) {
            Unavailable failed = e instanceof Unavailable inner ? inner
                    : new Unavailable(what + " could not be read: " + e.getMessage());
            read.put(what, failed);
            throw failed;
        }
    }

    private static Map<String, Map<String, String>> byNumber(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.getOrDefault("SalesOrderNumber", "").trim(), r));
        out.remove("");
        return out;
    }

    private static Set<String> column(CsvTable table, String column) {
        if (!table.headers().isEmpty() && !table.headers().contains(column)) {
            throw new IllegalStateException("its rows have no column " + column + " (columns: " + table.headers() + ")");
        }
        return table.rows().stream().map(r -> r.getOrDefault(column, "").trim()).filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static BigDecimal number(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String quote(String value) {
        return value.replace("'", "''");
    }
}
