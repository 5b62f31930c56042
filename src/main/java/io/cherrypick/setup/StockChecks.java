package io.cherrypick.setup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.cherrypick.flow.stock.StockProperties;
import io.cherrypick.peoplevox.model.InventoryReport;
import io.cherrypick.setup.AuditReport.StockSummary;
import io.cherrypick.setup.AuditReport.StockVariance;
import io.cherrypick.setup.Readings.CatalogueSku;
import io.cherrypick.store.SkuSite;
import io.cherrypick.store.ValueMappingStore;

/**
 * Stock: Peoplevox's on hand (the stock report, every row) against Blue Cherry's (its stock resource), per SKU and
 * Peoplevox site (a Blue Cherry location counts at the site the mapping gives it). The report gives the number of pairs
 * that differ, the units and, where Blue Cherry has a std_cost, their value, and the largest variances.
 */
@Component
@Order(6)
class StockChecks implements SetupCheck {
    private final StockProperties stock;
    private final ValueMappingStore mappings;
    private final Environment env;

    StockChecks(StockProperties stock, ValueMappingStore mappings, Environment env) {
        this.stock = stock;
        this.mappings = mappings;
        this.env = env;
    }

    @Override
    public String name() {
        return "Stock";
    }

    /** One pair's on hand in each system, and the Blue Cherry locations counted for it. */
    private static final class Pair {
        long peoplevox;
        long blueCherry;
        final List<String> locations = new ArrayList<>();
    }

    @Override
    public List<CheckResult> run(AuditContext audit) {
        String report = env.getProperty("cherrypick.flows.stock.report", "Item inventory summary");
        String resource = audit.setup().stockResource();
        return List.of(audit.check("stock.variance", Section.STOCK, "On-hand variance per SKU and site", c -> {
            c.fix("Count the SKUs in the warehouse, or decide which figure is right: the stock flow overlays Blue Cherry"
                    + " with Peoplevox's on hand (nightly, and at each reconciliation), so Peoplevox's figure wins unless"
                    + " it is corrected there.");
            if (resource.isEmpty()) {
                c.reads("nothing: cherrypick.setup.stock-resource is empty").verdict(Verdict.WARN, "Blue Cherry's stock was"
                        + " not read: set cherrypick.setup.stock-resource to the Blue Cherry resource that lists on hand per"
                        + " SKU and location");
                return;
            }
            c.reads("Peoplevox report " + report + " (all rows), Blue Cherry " + resource + " (all), mapping kind site,"
                    + " Blue Cherry styles (std_cost)");
            Map<SkuSite, Pair> pairs = new TreeMap<>();
            for (InventoryReport.Row row : InventoryReport.rows(audit.readings().stock(report), stock.defaultSite())) {
                pairs.computeIfAbsent(row.key(), k -> new Pair()).peoplevox += row.onHand() != null ? row.onHand() : row.available();
            }
            List<JsonNode> inventory;
            try {
                inventory = audit.readings().inventory();
            } catch (Readings.Unavailable e) {
                // the resource is assumed (no public Blue Cherry API is known): a tenant's may differ
                c.verdict(Verdict.WARN, e.getMessage() + ". Set cherrypick.setup.stock-resource to the Blue Cherry resource"
                        + " that lists on hand per SKU and location (or empty to leave the stock check out)");
                return;
            }
            Map<String, String> sites = mappings.all(ValueMappingStore.SITE);
            Map<String, Long> unmapped = new TreeMap<>();
            for (JsonNode row : inventory) {
                String location = row.path("location").asText("").trim();
                String site = sites.get(location);
                long qoh = row.path("qoh").asLong();
                if (site == null) {
                    unmapped.merge(location, qoh, Long::sum);
                    continue;
                }
                Pair pair = pairs.computeIfAbsent(new SkuSite(audit.readings().itemCode(row), site), k -> new Pair());
                pair.blueCherry += qoh;
                if (!pair.locations.contains(location)) {
                    pair.locations.add(location);
                }
            }
            Map<String, BigDecimal> costs = costs(audit);
            List<StockVariance> variances = new ArrayList<>();
            pairs.forEach((key, pair) -> {
                long variance = pair.peoplevox - pair.blueCherry;
                if (variance != 0) {
                    BigDecimal cost = costs.get(key.itemCode());
                    variances.add(new StockVariance(key.itemCode(), key.site(), String.join(", ", pair.locations),
                            pair.peoplevox, pair.blueCherry, variance,
                            cost == null ? null : cost.multiply(BigDecimal.valueOf(Math.abs(variance)))));
                }
            });
            variances.sort(Comparator.comparingLong((StockVariance v) -> -Math.abs(v.variance()))
                    .thenComparing(StockVariance::itemCode));
            c.checked(pairs.size());
            // what explains many variances at once comes before the variances themselves (examples are limited)
            unmapped.forEach((location, units) -> c.verdict(Verdict.WARN, units + " units at Blue Cherry location "
                    + location + " left out: it maps to no Peoplevox site"));
            if (inventory.isEmpty() && !pairs.isEmpty()) {
                c.verdict(Verdict.WARN, "Blue Cherry " + resource + " listed no stock at all, so every Peoplevox figure"
                        + " counts as a variance: is it the resource that lists stock on hand (cherrypick.setup"
                        + ".stock-resource), and has Blue Cherry been given its stock yet?");
            }
            for (StockVariance v : variances) {
                c.problem(Verdict.WARN, v.itemCode() + " at " + v.site() + (v.location().isEmpty() ? "" : " (" + v.location()
                        + ")") + ": Peoplevox " + v.peoplevox() + ", Blue Cherry " + v.blueCherry() + ", variance "
                        + (v.variance() > 0 ? "+" : "") + v.variance() + (v.value() == null ? "" : ", value "
                        + v.value().stripTrailingZeros().toPlainString()));
            }
            BigDecimal value = variances.stream().map(StockVariance::value).filter(v -> v != null)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            audit.stock(new StockSummary(pairs.size(), variances.size(),
                    variances.stream().mapToLong(v -> Math.abs(v.variance())).sum(), value,
                    List.copyOf(variances.subList(0, Math.min(variances.size(), audit.setup().largestVariances())))));
        }));
    }

    /** std_cost per ItemCode, from Blue Cherry's styles; none when they cannot be read (the value is left out). */
    private static Map<String, BigDecimal> costs(AuditContext audit) {
        Map<String, BigDecimal> costs = new HashMap<>();
        try {
            for (CatalogueSku sku : audit.readings().skus()) {
                if (sku.cost() != null) {
                    costs.putIfAbsent(sku.itemCode(), sku.cost());
                }
            }
        } catch (Readings.Unavailable e) {
            return new LinkedHashMap<>();
        }
        return costs;
    }
}
