package io.cherrypick.simulator.bluecherry.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Quantities of one SKU at one location: on hand, and returned goods held in quarantine (damaged or to inspect). */
public final class Stock {
    private final String upc;
    private long qoh;
    private long quarantine;

    public Stock(String upc) {
        this.upc = upc;
    }

    public long qoh() {
        return qoh;
    }

    public void setQoh(long quantity) {
        qoh = quantity;
    }

    public void addQoh(long quantity) {
        qoh += quantity;
    }

    public void setQuarantine(long quantity) {
        quarantine = quantity;
    }

    public void addQuarantine(long quantity) {
        quarantine += quantity;
    }

    public Map<String, Object> render(StockKey key) {
        Map<String, Object> r = new LinkedHashMap<>();
        key.sku().writeTo(r);
        r.put("upc", upc);
        r.put("location", key.location());
        r.put("qoh", qoh);
        r.put("quarantine", quarantine);
        return r;
    }
}
