package io.cherrypick.simulator.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Available stock per item and site as Peoplevox reported it at the start of a warehouse tick, kept up to date
 * with what the tick itself allocates and moves, so orders in one tick do not count the same units twice.
 * An item without a stock row at a site has nothing available there.
 */
final class StockView {

    private final Map<String, Integer> available = new HashMap<>();

    StockView(List<PeoplevoxControl.Stock> stock) {
        for (PeoplevoxControl.Stock level : stock) {
            available.merge(key(level.itemCode(), level.site()), level.available(), Integer::sum);
        }
    }

    int available(String itemCode, String site) {
        return available.getOrDefault(key(itemCode, site), 0);
    }

    void change(String itemCode, String site, int delta) {
        available.merge(key(itemCode, site), delta, Integer::sum);
    }

    private static String key(String itemCode, String site) {
        return itemCode + "|" + site;
    }
}
