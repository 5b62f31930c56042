package io.cherrypick.simulator;

import io.cherrypick.simulator.scenario.ScenarioTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One shared Spring context (real HTTP on a random port) for the channel and scenario tests: the scenario is
 * enabled but not auto-started, with short intervals, fake control implementations as primary beans, a recording
 * stand-in for the simulators' control endpoints under {@code /recorder}, and a channel token.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cherrypick.simulator.scenario.enabled=true",
        "cherrypick.simulator.scenario.auto-start=false",
        "cherrypick.simulator.scenario.order-interval=100ms",
        "cherrypick.simulator.scenario.warehouse-interval=100ms",
        "cherrypick.simulator.scenario.start-delay=0s",
        "cherrypick.simulator.channel.token=" + SimulatorHttpTest.CHANNEL_TOKEN})
@ActiveProfiles("test")
@Import(ScenarioTestConfiguration.class)
public @interface SimulatorHttpTest {
    String CHANNEL_TOKEN = "channel-test-token";
}
