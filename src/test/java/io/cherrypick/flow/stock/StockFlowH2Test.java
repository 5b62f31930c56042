package io.cherrypick.flow.stock;

/** The stock flow on the embedded default database (H2). */
class StockFlowH2Test extends AbstractStockFlowTest {
}
