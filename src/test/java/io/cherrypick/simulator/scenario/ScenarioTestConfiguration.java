package io.cherrypick.simulator.scenario;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** Fake control implementations (primary, so the scenario bean uses them) and the recording endpoints. */
@TestConfiguration(proxyBeanMethods = false)
@Import(RecordingControlEndpoints.class)
public class ScenarioTestConfiguration {

    @Bean
    @Primary
    FakePeoplevoxControl fakePeoplevoxControl() {
        return new FakePeoplevoxControl();
    }

    @Bean
    @Primary
    FakeBlueCherryControl fakeBlueCherryControl() {
        return new FakeBlueCherryControl();
    }
}
