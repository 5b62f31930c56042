package io.cherrypick.simulator.bluecherry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cherrypick.simulator.enabled=false")
@ActiveProfiles("test")
class BlueCherrySimulatorDisabledTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void simulatorIsAbsentWhenDisabled() {
        assertThat(context.getBeanNamesForType(BlueCherrySimulator.class)).isEmpty();
        assertThat(new BlueCherryHttp(port).get("pick").status()).isEqualTo(404);
    }
}
