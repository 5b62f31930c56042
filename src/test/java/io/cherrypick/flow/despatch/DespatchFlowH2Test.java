package io.cherrypick.flow.despatch;

/** The despatch flow on the embedded default database (H2). */
class DespatchFlowH2Test extends AbstractDespatchFlowTest {
}
