package io.cherrypick.simulator.scenario;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.function.Supplier;

/** Wires the demo scenario when both the simulators and the scenario are enabled. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
@ConditionalOnProperty(prefix = "cherrypick.simulator.scenario", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ScenarioConfiguration {

    @Bean
    PeoplevoxControl peoplevoxControl(RestClient.Builder builder, ScenarioProperties properties, Environment environment) {
        return new HttpPeoplevoxControl(controlClient(builder, properties), baseUrl(properties.getPeoplevoxUrl(), environment));
    }

    @Bean
    BlueCherryControl blueCherryControl(RestClient.Builder builder, ScenarioProperties properties, Environment environment) {
        return new HttpBlueCherryControl(controlClient(builder, properties), baseUrl(properties.getBluecherryUrl(), environment));
    }

    @Bean
    ScenarioGenerator scenarioGenerator(ScenarioProperties properties, PeoplevoxControl peoplevox, BlueCherryControl blueCherry) {
        return new ScenarioGenerator(properties, peoplevox, blueCherry, Clock.systemDefaultZone());
    }

    private static RestClient controlClient(RestClient.Builder builder, ScenarioProperties properties) {
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(properties.getTimeout()).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.getTimeout());
        return builder.clone().requestFactory(requestFactory).build();
    }

    /**
     * The configured base URL, or this application's own address when none is configured. Resolved on every call
     * because the port is only known once the web server has started (and is random in tests).
     */
    static Supplier<String> baseUrl(String configured, Environment environment) {
        if (configured != null && !configured.isBlank()) {
            String fixed = configured.strip().replaceAll("/+$", "");
            return () -> fixed;
        }
        return () -> "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }
}
