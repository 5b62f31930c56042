package io.cherrypick.flow.order;

/** The order flow on the embedded default database (H2). */
class OrderFlowH2Test extends AbstractOrderFlowTest {
}
