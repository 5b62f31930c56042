package io.cherrypick.outage;

/** A Peoplevox outage on the embedded default database (H2). */
class PeoplevoxOutageH2Test extends AbstractPeoplevoxOutageTest {
}
