package io.cherrypick.store;

import java.time.Instant;

/** One row of {@code stock_level}: the latest Peoplevox level of a SKU at a site, and what Blue Cherry was last told. */
public record StockLevel(String itemCode, String site, int available, Integer onHand, Integer allocated, Instant observedAt,
                         long observedSeq, String source, Instant updatedAt, Integer bcSentOnHand, Instant bcSentAt,
                         String bcRefused) {

    public SkuSite key() {
        return new SkuSite(itemCode, site);
    }
}
