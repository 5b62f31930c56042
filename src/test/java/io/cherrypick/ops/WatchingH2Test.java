package io.cherrypick.ops;

/** Stuck orders and alerts on the embedded default database (H2). */
class WatchingH2Test extends AbstractWatchingTest {
}
