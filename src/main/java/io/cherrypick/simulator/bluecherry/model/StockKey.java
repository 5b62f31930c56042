package io.cherrypick.simulator.bluecherry.model;

/** Where stock is counted: one SKU at one location. */
public record StockKey(Sku sku, String location) {
}
