package io.cherrypick.store;

/** A Peoplevox ItemCode at a Peoplevox site (reference). */
public record SkuSite(String itemCode, String site) implements Comparable<SkuSite> {
    private static final java.util.Comparator<SkuSite> ORDER = java.util.Comparator.comparing(SkuSite::itemCode)
            .thenComparing(SkuSite::site);

    /** The hand-off key of a push of this level to a channel: {@code <item>|<site>}. */
    public String key() {
        return itemCode + "|" + site;
    }

    /**
     * An item moved at a site a document names, or at every site when it names none (a blank site): what
     * {@link StockLevels#movedInBlueCherry(java.util.Collection)} takes.
     */
    public static SkuSite movedAt(String itemCode, String site) {
        return new SkuSite(itemCode, site == null ? "" : site);
    }

    /** The SKU and site of a {@link #key()}. */
    public static SkuSite ofKey(String key) {
        int bar = key == null ? -1 : key.lastIndexOf('|');
        if (bar <= 0) {
            throw new IllegalArgumentException("'" + key + "' is not a SKU|site key");
        }
        return new SkuSite(key.substring(0, bar), key.substring(bar + 1));
    }

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
