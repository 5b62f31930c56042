package io.cherrypick.support;

import org.apache.camel.cli.connector.DefaultCliConnectorFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CliConnectorFactory;

/**
 * A plain Camel context for unit tests that need no Spring: no JMX, no developer consoles and, above all, no CLI
 * connector. camel-cli-connector is on the classpath, so a bare {@link DefaultCamelContext} would start one: its
 * background thread loads the developer consoles while the context's console registry starts, which failed the start
 * with a ConcurrentModificationException now and then (TreeMap iterator in DefaultDevConsoleRegistry.doStart), and
 * every connector in a JVM shares one lock file, so stopping one context could stop the Spring contexts of other tests.
 */
public final class BareCamelContext {
    private BareCamelContext() {
    }

    public static DefaultCamelContext create() {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.disableJMX();
        camel.setDevConsole(false);
        DefaultCliConnectorFactory off = new DefaultCliConnectorFactory();
        off.setEnabled(false);
        // the context asks its plugins for the factory, not its registry
        camel.getCamelContextExtension().addContextPlugin(CliConnectorFactory.class, off);
        return camel;
    }
}
