package io.cherrypick.flow.returns;

/** The returns flow on the embedded default database (H2). */
class ReturnsFlowH2Test extends AbstractReturnsFlowTest {
}
