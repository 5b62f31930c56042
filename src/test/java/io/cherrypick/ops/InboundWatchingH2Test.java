package io.cherrypick.ops;

/** Late purchase orders, their alert, the inbound reconciliation and the search on the embedded database (H2). */
class InboundWatchingH2Test extends AbstractInboundWatchingTest {
}
