package io.cherrypick.simulator.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import static io.cherrypick.simulator.scenario.Randoms.digits;
import static io.cherrypick.simulator.scenario.Randoms.pick;
import static io.cherrypick.simulator.scenario.Randoms.shuffle;
import static io.cherrypick.simulator.scenario.Randoms.weightedIndex;

/**
 * Makes pick tickets over the catalogue: 1-5 lines of one division, UK or US addresses by location, shipper,
 * amounts, and a share of deliberately bad ones. Deterministic for a given random generator and clock.
 * Not thread-safe: the caller serialises calls.
 */
public final class OrderGenerator {

    /** A Blue Cherry warehouse location the scenario ships from. */
    public record DemoLocation(String code, String name, String country, String currency,
                               List<String> customers, List<String> shippers) {
    }

    private static final List<String> US_CUSTOMERS = List.of("WEB01", "MKT01", "BTQ14", "DEP03");
    private static final List<String> UK_CUSTOMERS = List.of("WEB02", "MKT02", "BTQ21", "DEP07");

    public static final DemoLocation NEW_JERSEY =
            new DemoLocation("NJ", "New Jersey DC", "US", "USD", US_CUSTOMERS, List.of("UPS", "FEDX"));
    public static final DemoLocation LONDON =
            new DemoLocation("LDN", "London DC", "GB", "GBP", UK_CUSTOMERS, List.of("DHL", "RM"));
    /** Exists in Blue Cherry but has no Peoplevox site in the default mapping. */
    public static final DemoLocation MIAMI =
            new DemoLocation("MIA", "Miami DC", "US", "USD", US_CUSTOMERS, List.of("UPS", "FEDX"));

    private static final List<DemoLocation> MAPPED_LOCATIONS = List.of(NEW_JERSEY, LONDON);
    private static final int[] LINE_COUNT_WEIGHTS = {40, 25, 15, 10, 10};   // 1..5 lines
    private static final int[] QUANTITY_WEIGHTS = {70, 20, 10};             // bk_qty 1..3
    private static final BigDecimal US_SALES_TAX = new BigDecimal("0.08");
    private static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("100");

    private final Catalogue catalogue;
    private final RandomGenerator random;
    private final Clock clock;
    private final Map<String, List<CatalogueSku>> skusByDivision = new LinkedHashMap<>();
    private long nextPickNumber;
    private long nextOrderNumber;
    private double badCarry;
    private BadOrderReason nextBadKind = BadOrderReason.UNKNOWN_SKU;

    public OrderGenerator(Catalogue catalogue, RandomGenerator random, Clock clock, long firstPickNumber) {
        this.catalogue = catalogue;
        this.random = random;
        this.clock = clock;
        if (firstPickNumber < 100_000) {
            throw new IllegalArgumentException("firstPickNumber must be at least 100000, was " + firstPickNumber);
        }
        this.nextPickNumber = firstPickNumber;
        // order numbers run alongside the pick numbers: pick 100001 belongs to order 40001
        this.nextOrderNumber = firstPickNumber - 60_000;
        for (CatalogueSku sku : catalogue.skus()) {
            skusByDivision.computeIfAbsent(sku.division(), d -> new ArrayList<>()).add(sku);
        }
    }

    /**
     * {@code count} picks of which about {@code badShare} are bad: the number of bad picks is count x badShare
     * rounded down, with the fraction carried into the next call, so over a stream of calls the share is exact.
     * Bad picks alternate between an unknown SKU and an unmapped location and sit at random positions.
     */
    public List<GeneratedPick> generate(int count, double badShare) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if (badShare < 0.0 || badShare > 1.0) {
            throw new IllegalArgumentException("badShare must be between 0 and 1, was " + badShare);
        }
        double wanted = count * badShare + badCarry;
        int badCount = Math.min(count, (int) Math.floor(wanted + 1e-9));
        badCarry = Math.max(0.0, wanted - badCount);
        Set<Integer> badPositions = randomPositions(count, badCount);

        List<GeneratedPick> picks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BadOrderReason reason = null;
            if (badPositions.contains(i)) {
                reason = nextBadKind;
                nextBadKind = nextBadKind == BadOrderReason.UNKNOWN_SKU ? BadOrderReason.UNMAPPED_LOCATION : BadOrderReason.UNKNOWN_SKU;
            }
            picks.add(generateOne(reason));
        }
        return picks;
    }

    private Set<Integer> randomPositions(int count, int chosen) {
        List<Integer> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add(i);
        }
        shuffle(positions, random);
        return new HashSet<>(positions.subList(0, chosen));
    }

    private GeneratedPick generateOne(BadOrderReason reason) {
        DemoLocation location = reason == BadOrderReason.UNMAPPED_LOCATION ? MIAMI : pick(MAPPED_LOCATIONS, random);
        String pickNum = Long.toString(nextPickNumber++);
        String ordNum = Long.toString(nextOrderNumber++);
        String customer = pick(location.customers(), random);
        boolean wholesale = customer.startsWith("BTQ") || customer.startsWith("DEP");

        CatalogueSku first = pick(catalogue.skus(), random);
        List<CatalogueSku> skus = distinctSkus(first, 1 + weightedIndex(LINE_COUNT_WEIGHTS, random));
        List<PickLine> lines = new ArrayList<>(skus.size());
        String badDetail = null;
        int unknownLine = reason == BadOrderReason.UNKNOWN_SKU ? random.nextInt(skus.size()) : -1;
        for (int i = 0; i < skus.size(); i++) {
            CatalogueSku sku = skus.get(i);
            int quantity = 1 + weightedIndex(QUANTITY_WEIGHTS, random);
            int lineSeq = i + 1;
            if (i == unknownLine) {
                String upc = CatalogueGenerator.unknownUpc(catalogue, random);
                String style = "99" + digits(3, random);   // catalogue style numbers stay below 10000
                lines.add(new PickLine(lineSeq, style, "BLK", "", "", "M", upc, sku.price(), quantity,
                        location.code(), sku.division()));
                badDetail = "line " + lineSeq + ": UPC " + upc + " (style " + style + ") is not in the catalogue";
            } else {
                lines.add(new PickLine(lineSeq, sku.style(), sku.colorCode(), sku.lblCode(), sku.dimension(),
                        sku.sizeDesc(), sku.upc(), sku.price(), quantity, location.code(), sku.division()));
            }
        }
        if (reason == BadOrderReason.UNMAPPED_LOCATION) {
            badDetail = "location " + location.code() + " has no Peoplevox site in the default mapping";
        }

        BigDecimal goods = lines.stream()
                .map(line -> line.price().multiply(BigDecimal.valueOf(line.bkQty())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean us = location.country().equals("US");
        BigDecimal discount = random.nextDouble() < 0.1 ? money(goods.multiply(new BigDecimal("0.10"))) : money(BigDecimal.ZERO);
        BigDecimal tax = us ? money(goods.subtract(discount).multiply(US_SALES_TAX)) : money(BigDecimal.ZERO);
        BigDecimal freight = wholesale || goods.compareTo(FREE_SHIPPING_FROM) >= 0
                ? money(BigDecimal.ZERO) : new BigDecimal(us ? "7.95" : "4.95");

        PickAddress billTo = AddressGenerator.person("BT", location.country(), random);
        // most parcels go to the buyer; some are gifts to someone else
        PickAddress shipTo = random.nextDouble() < 0.8 ? billTo.withType("ST") : AddressGenerator.person("ST", location.country(), random);

        LocalDateTime pickDate = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime endDate = pickDate.toLocalDate().plusDays(3 + random.nextInt(8)).atStartOfDay();
        return new GeneratedPick(pickNum, ordNum, "PO-" + digits(6, random),
                wholesale ? "" : (customer.startsWith("WEB") ? "WEB-" : "MKT-") + ordNum,
                customer, first.division(), location.code(), pickDate, endDate, wholesale ? "W" : "R",
                pick(location.shippers(), random), location.currency(), freight, tax, discount,
                billTo, shipTo, lines, reason, badDetail);
    }

    /** {@code count} different SKUs of the first one's division, starting with it (fewer if the division is small). */
    private List<CatalogueSku> distinctSkus(CatalogueSku first, int count) {
        List<CatalogueSku> pool = skusByDivision.get(first.division());
        List<CatalogueSku> chosen = new ArrayList<>(List.of(first));
        Set<String> upcs = new HashSet<>(Set.of(first.upc()));
        int wanted = Math.min(count, pool.size());
        while (chosen.size() < wanted) {
            CatalogueSku candidate = pick(pool, random);
            if (upcs.add(candidate.upc())) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
