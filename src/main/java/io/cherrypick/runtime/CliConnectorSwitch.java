package io.cherrypick.runtime;

import org.apache.camel.cli.connector.DefaultCliConnectorFactory;
import org.apache.camel.spi.CliConnectorFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes {@code camel.cli.enabled=false} switch Camel's CLI connector off. The starter then registers no connector
 * factory, and Camel falls back to the one it finds on the classpath, which is on: the setting alone changed nothing.
 * An off connector matters beyond tooling: every connector in a JVM shares one lock file (~/.camel/&lt;pid&gt;.json),
 * and when one Camel context stops and removes it, the connectors of the others stop their contexts too (tests and the
 * audit command run several contexts in one JVM).
 */
@Configuration
public class CliConnectorSwitch {
    @Bean
    @ConditionalOnProperty(name = "camel.cli.enabled", havingValue = "false")
    CliConnectorFactory cliConnectorOff() {
        DefaultCliConnectorFactory off = new DefaultCliConnectorFactory();
        off.setEnabled(false);
        return off;
    }
}
