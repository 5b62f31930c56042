package io.cherrypick.flow.inbound;

/** The inbound flow on the embedded default database (H2). */
class InboundFlowH2Test extends AbstractInboundFlowTest {
}
