package io.cherrypick.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.runtime.StartupChecks;
import io.cherrypick.security.AccessRules;
import io.cherrypick.support.Dashboard;

/**
 * docker/ as far as a test can check it without a Docker engine (none runs here, no image is built): compose.yaml,
 * the Dockerfile, Prometheus' scrape configuration and Grafana's provisioning parse and agree with each other and with
 * the application: ports, the variables each instance gets (enough for the production profile's start-up checks),
 * the non-root user and its data directory, the layered jar, and the shutdown timeouts. Which metrics the dashboard
 * reads is checked against a running application in SecretsTest.
 */
class DockerFilesTest {
    static final Path DOCKER = Path.of("docker");
    /** Compose's ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME}. */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    static List<String> dockerfile() throws IOException {
        // continuation lines joined, comments dropped
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKER.resolve("Dockerfile"))) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!line.endsWith("\\")) {
                if (!current.toString().isBlank()) {
                    lines.add(current.toString().strip().replaceAll("\\s+", " "));
                }
                current.setLength(0);
            }
        }
        return lines;
    }

    /** A compose value as compose resolves it when the user sets only {@code given}; a required one unset fails. */
    static String resolve(String value, Map<String, String> given) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String operator = m.group(2);
            String replacement = given.get(name);
            if (replacement == null || (replacement.isEmpty() && operator != null && operator.startsWith(":"))) {
                assertThat(operator).as("${%s} must be set by the user", name).isNotNull();
                assertThat(operator).as("%s is required: %s", name, m.group(3)).doesNotEndWith("?");
                replacement = m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(String service, Map<String, String> given) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) service(service).get("environment")).forEach((k, v) -> env.put(k, resolve(String.valueOf(v), given)));
        return env;
    }

    /** The user's own settings: the two compose requires. */
    static final Map<String, String> USER = Map.of("CHERRYPICK_USERS", "ada:ADMIN:{bcrypt}$2a$10$abcdefghijklmnopqrstuv",
            "GRAFANA_ADMIN_PASSWORD", "grafana-secret");

    @Test
    @SuppressWarnings("unchecked")
    void composeRequiresOnlyTheUsersAndGrafanasPasswordAndStartsBothInstancesOnTheProductionProfile() throws Exception {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        // compose ends ${...} at the first closing brace, so a brace inside a default or message breaks the value
        assertThat(Files.readAllLines(DOCKER.resolve("compose.yaml")).stream().filter(l -> !l.strip().startsWith("#"))
                .filter(l -> l.matches(".*\\$\\{[^}]*\\{.*"))).as("a brace inside ${...}").isEmpty();
        assertThat(services).containsOnlyKeys("postgres", "cherrypick-1", "cherrypick-2", "prometheus", "grafana");
        for (String instance : List.of("cherrypick-1", "cherrypick-2")) {
            Map<String, String> env = environment(instance, USER);
            assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "postgres").containsEntry("HOSTNAME", instance)
                    .containsEntry("CHERRYPICK_DEMO", "true");
            assertThat(StartupChecks.problems(startedWith(env))).as("%s's start-up checks", instance).isEmpty();
        }
        // for real systems: not a demo, no simulator, and each address set, or the start stops
        Map<String, String> real = new LinkedHashMap<>(USER);
        real.put("CHERRYPICK_DEMO", "false");
        real.put("CHERRYPICK_SIMULATOR_ENABLED", "false");
        assertThat(StartupChecks.problems(startedWith(environment("cherrypick-1", real)))).anyMatch(p -> p.startsWith(
                "cherrypick.peoplevox.base-url is a simulator's address (http://cherrypick-1:8080/sim/peoplevox) outside a demo"));
        real.put("CHERRYPICK_PEOPLEVOX_BASE_URL", "https://wms.peoplevox.net");
        real.put("CHERRYPICK_BLUECHERRY_BASE_URL", "https://apim.example.com/bc");
        real.put("CHERRYPICK_FLOWS_STOCK_CHANNELS_WEB_URL", "https://shop.example.com/stock-levels");
        for (String instance : List.of("cherrypick-1", "cherrypick-2")) {
            assertThat(StartupChecks.problems(startedWith(environment(instance, real)))).as(instance).isEmpty();
        }
        assertThat(environment("cherrypick-1", USER)).containsEntry("CHERRYPICK_SIMULATOR_ENABLED", "true");
        assertThat(environment("cherrypick-2", USER)).containsEntry("CHERRYPICK_SIMULATOR_ENABLED", "false");
        assertThat(environment("grafana", USER)).containsEntry("GF_SECURITY_ADMIN_PASSWORD", "grafana-secret");
    }

    @Test
    void portsUserDataDirectoryLayersAndHealthCheck() throws Exception {
        List<String> dockerfile = dockerfile();
        assertThat(dockerfile).contains("EXPOSE 8080", "USER cherrypick", "VOLUME /app/data");
        String run = dockerfile.stream().filter(l -> l.contains("useradd")).findFirst().orElseThrow();
        assertThat(run).contains("useradd --system --uid 10001 --create-home").contains("mkdir -p /app/data")
                .contains("chown cherrypick:cherrypick /app/data");
        String env = dockerfile.stream().filter(l -> l.startsWith("ENV ")).findFirst().orElseThrow();
        assertThat(env).contains("CHERRYPICK_DATA_DIR=/app/data").contains("CHERRYPICK_ROUTES_DIR=/app/routes");

        assertThat(dockerfile.stream().filter(l -> l.startsWith("COPY --from=build")).toList()).containsExactly(
                "COPY --from=build /layers/dependencies/ ./", "COPY --from=build /layers/spring-boot-loader/ ./",
                "COPY --from=build /layers/snapshot-dependencies/ ./", "COPY --from=build /layers/application/ ./");
        assertThat(dockerfile).anyMatch(l -> l.contains("-Djarmode=tools -jar target/cherrypick-*.jar extract --layers --launcher --destination /layers"));
        assertThat(dockerfile.get(dockerfile.size() - 1))
                .isEqualTo("ENTRYPOINT [\"sh\", \"-c\", \"exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher\"]");

        String health = dockerfile.stream().filter(l -> l.startsWith("HEALTHCHECK")).findFirst().orElseThrow();
        Matcher url = Pattern.compile("http://localhost:(\\d+)(/\\S*)").matcher(health);
        assertThat(url.find()).isTrue();
        assertThat(url.group(1)).isEqualTo("8080");
        assertThat(AccessRules.forRequest(HttpMethod.GET, url.group(2)).open()).as("the health check needs no sign-in").isTrue();

        assertThat(service("cherrypick-1").get("ports")).isEqualTo(List.of("8080:8080"));
        assertThat(service("cherrypick-2").get("ports")).isEqualTo(List.of("8081:8080"));
        assertThat(service("prometheus").get("ports")).isEqualTo(List.of("9090:9090"));
        assertThat(service("grafana").get("ports")).isEqualTo(List.of("3000:3000"));
    }

    @Test
    void dockerWaitsForSpringWhichWaitsForCamel() throws Exception {
        PropertySource<?> yml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")).get(0);
        Duration camel = Duration.ofSeconds(Long.parseLong(String.valueOf(yml.getProperty("camel.main.shutdown-timeout"))));
        Duration phase = DurationStyle.detectAndParse(String.valueOf(yml.getProperty("spring.lifecycle.timeout-per-shutdown-phase")));
        Duration quartz = DurationStyle.detectAndParse(String.valueOf(yml.getProperty("cherrypick.quartz.shutdown-timeout")));
        assertThat(yml.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(phase).as("Spring's shutdown phase holds Camel's whole shutdown").isGreaterThan(camel);
        for (String instance : List.of("cherrypick-1", "cherrypick-2")) {
            Duration grace = DurationStyle.detectAndParse(String.valueOf(service(instance).get("stop_grace_period")));
            assertThat(grace).as("%s: compose's stop grace period covers Spring's phase and Quartz's jobs", instance)
                    .isGreaterThanOrEqualTo(phase.plus(quartz));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesBothInstancesAndGrafanaIsProvisionedWithItAndTheDashboard() throws Exception {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(DOCKER.resolve("prometheus/prometheus.yml")));
        Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
        assertThat(AccessRules.forRequest(HttpMethod.GET, (String) job.get("metrics_path")).open()).isTrue();
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
        assertThat(targets).containsExactly("cherrypick-1:8080", "cherrypick-2:8080");
        assertThat(service("prometheus").get("volumes").toString()).contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");

        List<String> grafanaVolumes = (List<String>) service("grafana").get("volumes");
        for (String volume : grafanaVolumes) {
            assertThat(DOCKER.resolve(volume.split(":")[0])).as(volume).exists();
        }
        Map<String, Object> datasources = new Yaml().load(Files.readString(
                DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml")));
        Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        Map<String, Object> providers = new Yaml().load(Files.readString(
                DOCKER.resolve("grafana/provisioning/dashboards/cherrypick.yml")));
        String path = (String) ((Map<String, Object>) ((List<Map<String, Object>>) providers.get("providers")).get(0)
                .get("options")).get("path");
        assertThat(grafanaVolumes).contains("./grafana/dashboards:" + path + ":ro");

        JsonNode dashboard = Dashboard.json();
        assertThat(dashboard.path("uid").asText()).isEqualTo("cherrypick");
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asText());
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                        .isEqualTo(datasource.get("uid"));
                assertThat(panel.path("targets")).isNotEmpty();
            }
        }
        assertThat(titles).contains("Backlog per flow", "Open exceptions by category", "Call latency p95",
                "Peoplevox budget", "Stock waiting for the channels", "Sales channel call latency");
        assertThat(Dashboard.metrics()).contains("cherrypick_flow_backlog", "cherrypick_exceptions_open",
                "cherrypick_api_requests_seconds_bucket", "camel_exchanges_failed_total");
    }

    /** The application's settings (application.yml, application-postgres.yml) with these environment variables. */
    private static StandardEnvironment startedWith(Map<String, String> variables) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(variables)));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        env.getPropertySources().addLast(yaml.load("postgres", new ClassPathResource("application-postgres.yml")).get(0));
        env.getPropertySources().addLast(yaml.load("default", new ClassPathResource("application.yml")).get(0));
        env.getPropertySources().addLast(new MapPropertySource("server", Map.of("server.port", "8080")));
        ConfigurationPropertySources.attach(env); // relaxed names, as in the application: CHERRYPICK_FLOWS_STOCK_CHANNELS_WEB_URL
        return env;
    }
}
