package io.cherrypick.store;

import java.time.Instant;

/** On hand of a SKU moved at a site at {@code since} (Peoplevox time; IncrementalChanges): its level is read again. */
public record StockMovement(String itemCode, String site, Instant since) {
    public SkuSite key() {
        return new SkuSite(itemCode, site);
    }
}
