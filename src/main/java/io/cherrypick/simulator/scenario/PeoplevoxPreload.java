package io.cherrypick.simulator.scenario;

import io.cherrypick.simulator.scenario.PeoplevoxControl.Item;
import io.cherrypick.simulator.scenario.PeoplevoxControl.Seed;
import io.cherrypick.simulator.scenario.PeoplevoxControl.Site;
import io.cherrypick.simulator.scenario.PeoplevoxControl.StockLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Peoplevox side of the catalogue, as the item-master flow would create it: one item per SKU
 * (ItemCode = Barcode = UPC) and a random on-hand quantity per SKU and site (some SKUs out of stock).
 */
final class PeoplevoxPreload {

    private static final double OUT_OF_STOCK_SHARE = 0.08;
    private static final int MAX_ON_HAND = 40;

    private PeoplevoxPreload() {
    }

    static Seed build(Catalogue catalogue, List<String> siteReferences, RandomGenerator random) {
        List<Site> sites = siteReferences.stream().map(ref -> new Site(ref, siteName(ref))).toList();
        List<Item> items = new ArrayList<>();
        List<StockLevel> stock = new ArrayList<>();
        for (CatalogueStyle style : catalogue.styles()) {
            for (CatalogueSku sku : style.skus()) {
                items.add(new Item(sku.upc(), sku.peoplevoxName(), sku.upc(), style.styleDesc(), sku.price(), sku.weight()));
                for (String site : siteReferences) {
                    int onHand = random.nextDouble() < OUT_OF_STOCK_SHARE ? 0 : 1 + random.nextInt(MAX_ON_HAND);
                    stock.add(new StockLevel(sku.upc(), site, onHand));
                }
            }
        }
        return new Seed(sites, items, stock);
    }

    /** The site's display name, as Peoplevox names its default sites: "PrimarySite" -> "Primary". */
    static String siteName(String reference) {
        String name = reference.endsWith("Site") ? reference.substring(0, reference.length() - 4) : reference;
        return name.isEmpty() ? reference : name.replaceAll("([a-z])([A-Z])", "$1 $2");
    }
}
