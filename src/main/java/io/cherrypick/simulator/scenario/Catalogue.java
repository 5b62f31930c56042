package io.cherrypick.simulator.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The generated demo catalogue: styles with their SKUs, looked up by UPC. */
public final class Catalogue {

    private final List<CatalogueStyle> styles;
    private final List<CatalogueSku> skus;
    private final Map<String, CatalogueSku> skusByUpc;

    public Catalogue(List<CatalogueStyle> styles) {
        this.styles = List.copyOf(styles);
        this.skus = styles.stream().flatMap(style -> style.skus().stream()).toList();
        Map<String, CatalogueSku> byUpc = new LinkedHashMap<>();
        for (CatalogueSku sku : skus) {
            if (byUpc.putIfAbsent(sku.upc(), sku) != null) {
                throw new IllegalArgumentException("UPC " + sku.upc() + " is used by more than one SKU (style " + sku.style() + ")");
            }
        }
        this.skusByUpc = Map.copyOf(byUpc);
    }

    public List<CatalogueStyle> styles() {
        return styles;
    }

    public List<CatalogueSku> skus() {
        return skus;
    }

    public Optional<CatalogueSku> findByUpc(String upc) {
        return Optional.ofNullable(skusByUpc.get(upc));
    }

    public boolean containsUpc(String upc) {
        return skusByUpc.containsKey(upc);
    }
}
