package io.cherrypick.flow.stock;

/** A Peoplevox ItemCode at a Peoplevox site (reference). */
public record SkuSite(String itemCode, String site) implements Comparable<SkuSite> {
    private static final java.util.Comparator<SkuSite> ORDER = java.util.Comparator.comparing(SkuSite::itemCode)
            .thenComparing(SkuSite::site);

    /** SKU, then site: the order in which levels are locked, everywhere. */
    @Override
    public int compareTo(SkuSite other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return itemCode + "@" + site;
    }
}
