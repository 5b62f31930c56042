package io.cherrypick.flow.item;

/** The item master flow on the embedded default database (H2). */
class ItemFlowH2Test extends AbstractItemFlowTest {
}
