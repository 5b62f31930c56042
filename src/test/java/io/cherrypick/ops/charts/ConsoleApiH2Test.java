package io.cherrypick.ops.charts;

/** The console's API on the embedded default database (H2). */
class ConsoleApiH2Test extends AbstractConsoleApiTest {
}
