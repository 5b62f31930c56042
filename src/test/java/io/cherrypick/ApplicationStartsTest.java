package io.cherrypick;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.CliConnectorFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.cherrypick.runtime.TransactionalScheduler;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartsTest {
    @Autowired JdbcTemplate jdbc;
    @Autowired CamelContext camel;

    @Test
    void schemaIsMigrated() {
        assertThat(jdbc.queryForObject("select count(*) from handoff", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from qrtz_locks", Integer.class)).isNotNull();
    }

    @Test
    void camelCliEnabledFalseSwitchesTheCliConnectorOff() {
        // application-test.yml: camel.cli.enabled=false (a connector here would stop other test contexts of the JVM)
        CliConnectorFactory factory = camel.getRegistry().findSingleByType(CliConnectorFactory.class);
        assertThat(factory).isNotNull();
        assertThat(factory.isEnabled()).isFalse();
    }

    @Test
    void routesAreScheduledThroughTheTransactionalScheduler() {
        Object scheduler = camel.getComponent("quartz", QuartzComponent.class).getScheduler();
        assertThat(Proxy.isProxyClass(scheduler.getClass())).as("a proxy").isTrue();
        assertThat(Proxy.getInvocationHandler(scheduler)).isInstanceOf(TransactionalScheduler.class);
    }
}
