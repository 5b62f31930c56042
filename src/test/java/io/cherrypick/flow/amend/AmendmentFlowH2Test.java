package io.cherrypick.flow.amend;

/** Amendments and cancellations on the embedded default database (H2). */
class AmendmentFlowH2Test extends AbstractAmendmentFlowTest {
}
