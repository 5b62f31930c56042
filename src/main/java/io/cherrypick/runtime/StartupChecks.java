package io.cherrypick.runtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import io.cherrypick.security.AccessProperties;

/**
 * Refuses a start whose settings are unsafe, before anything runs (no bean is created yet: no database migration, no
 * route, no call), and names every problem at once, each with the variable that fixes it:
 * <ul>
 * <li>the systems' addresses and credentials, and the database's, must be set: the production profile defaults none
 * of them, so a forgotten variable can never send real picks to a simulator;</li>
 * <li>the built-in simulators run, and Cherrypick talks to simulators, only in a demo ({@code cherrypick.demo=true});</li>
 * <li>outside a demo no sales channel is the built-in channel simulator;</li>
 * <li>sign-in may be off only while Cherrypick talks to simulators (a path under {@code /sim/}), never to real
 * systems;</li>
 * <li>with sign-in on there are users, each readable, and {noop} (unencoded) passwords only in a demo.</li>
 * </ul>
 * {@link UnsafeSettingsFailureAnalyzer} prints the list as Spring Boot's "APPLICATION FAILED TO START" report.
 */
public class StartupChecks implements BeanFactoryPostProcessor, EnvironmentAware {
    /** A setting that must have a value, and the environment variable that gives it one in production. */
    record Required(String property, String variable) {
    }

    static final List<Required> SYSTEMS = List.of(
            new Required("cherrypick.peoplevox.base-url", "CHERRYPICK_PEOPLEVOX_BASE_URL"),
            new Required("cherrypick.peoplevox.client-id", "PVX_CLIENT_ID"),
            new Required("cherrypick.peoplevox.username", "PVX_USERNAME"),
            new Required("cherrypick.peoplevox.password", "PVX_PASSWORD"),
            new Required("cherrypick.bluecherry.base-url", "CHERRYPICK_BLUECHERRY_BASE_URL"),
            new Required("cherrypick.bluecherry.subscription-key", "BC_SUBSCRIPTION_KEY"),
            new Required("spring.datasource.url", "DB_URL"));
    /** Needed besides the URL when the database is PostgreSQL (the embedded H2 has a user and no password). */
    static final List<Required> POSTGRES = List.of(
            new Required("spring.datasource.username", "DB_USERNAME"),
            new Required("spring.datasource.password", "DB_PASSWORD"));

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeSettingsException(problems);
        }
    }

    /** Every problem with these settings, one sentence each; empty when Cherrypick may start. */
    public static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        boolean demo = env.getProperty("cherrypick.demo", Boolean.class, false);
        for (Required r : SYSTEMS) {
            missing(env, r, problems);
        }
        if (env.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:")) {
            POSTGRES.forEach(r -> missing(env, r, problems));
        }

        if (!demo) {
            simulatorOutsideADemo(env, "cherrypick.peoplevox.base-url", "/sim/peoplevox", "CHERRYPICK_PEOPLEVOX_BASE_URL",
                    "Peoplevox", problems);
            simulatorOutsideADemo(env, "cherrypick.bluecherry.base-url", "/sim/bluecherry", "CHERRYPICK_BLUECHERRY_BASE_URL",
                    "Blue Cherry", problems);
        }
        if (env.getProperty("cherrypick.simulator.enabled", Boolean.class, false) && !demo) {
            problems.add("the built-in simulators are on (cherrypick.simulator.enabled=true) outside a demo: set"
                    + " CHERRYPICK_SIMULATOR_ENABLED=false in production, or CHERRYPICK_DEMO=true for a demo or rehearsal");
        }

        if (!demo && env.getProperty("cherrypick.flows.stock.enabled", Boolean.class, true)) {
            Map<String, Map<String, String>> channels = Binder.get(env).bind("cherrypick.flows.stock.channels",
                    Bindable.<Map<String, Map<String, String>>>of(ResolvableType.forClassWithGenerics(Map.class,
                            ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(Map.class, String.class,
                                    String.class)))).orElse(Map.of());
            channels.forEach((name, channel) -> {
                String setting = "cherrypick.flows.stock.channels." + name + ".url";
                String url = channel.getOrDefault("url", "").strip();
                if (url.isEmpty() || isSimulator(url, "/sim/channel")) {
                    String variable = "CHERRYPICK_FLOWS_STOCK_CHANNELS_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
                    problems.add(setting + (url.isEmpty() ? " is not set" : " is the built-in sales channel simulator")
                            + " outside a demo: set the channel's address (" + variable + "), or switch the stock flow off"
                            + " (CHERRYPICK_FLOWS_STOCK_ENABLED=false)");
                }
            });
        }

        boolean signIn = env.getProperty("cherrypick.security.enabled", Boolean.class, false);
        if (!signIn) {
            List<String> real = new ArrayList<>();
            real(env, "cherrypick.peoplevox.base-url", "/sim/peoplevox", real);
            real(env, "cherrypick.bluecherry.base-url", "/sim/bluecherry", real);
            if (!real.isEmpty()) {
                problems.add("sign-in is off (cherrypick.security.enabled=false) but Cherrypick talks to real systems ("
                        + String.join(", ", real) + "): anyone reaching this port could replay, discard and change"
                        + " mappings. Switch sign-in on with CHERRYPICK_SECURITY_ENABLED=true and CHERRYPICK_USERS");
            }
        } else {
            List<String> users = users(env);
            if (users.isEmpty()) {
                problems.add("sign-in is on but no user is set: set CHERRYPICK_USERS (cherrypick.security.users) to"
                        + " name:ROLE[+ROLE...]:{bcrypt}hash entries separated by commas (roles: SUPPORT, CX, FINANCE, ADMIN)");
            }
            problems.addAll(AccessProperties.problems(users, demo));
        }
        return problems;
    }

    /** The user entries as they bind: a comma-separated value or an indexed list. */
    private static List<String> users(Environment env) {
        List<String> entries = env instanceof ConfigurableEnvironment configurable
                ? Binder.get(configurable).bind("cherrypick.security.users", Bindable.listOf(String.class)).orElse(List.of())
                : List.of(env.getProperty("cherrypick.security.users", "").split(","));
        return entries.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).toList();
    }

    private static void missing(Environment env, Required r, List<String> problems) {
        String value = env.getProperty(r.property());
        if (value == null || value.isBlank()) {
            problems.add(r.variable() + " is not set (" + r.property() + ")");
        }
    }

    private static void simulatorOutsideADemo(Environment env, String property, String simPath, String variable,
                                              String system, List<String> problems) {
        String url = env.getProperty(property, "").strip();
        if (!url.isEmpty() && isSimulator(url, simPath)) {
            problems.add(property + " is a simulator's address (" + url + ") outside a demo: set " + variable + " to "
                    + system + "'s address, or CHERRYPICK_DEMO=true for a demo or rehearsal");
        }
    }

    /** Adds "property=url" when the address is set and is not a built-in simulator's. */
    private static void real(Environment env, String property, String simPath, List<String> real) {
        String url = env.getProperty(property, "").strip();
        if (!url.isEmpty() && !isSimulator(url, simPath)) { // an empty one is reported as missing
            real.add(property + "=" + url);
        }
    }

    /** Whether the address is a built-in simulator's: its path is {@code simPath} or under it, on any host. */
    public static boolean isSimulator(String url, String simPath) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return path != null && (path.equals(simPath) || path.startsWith(simPath + "/"));
    }

    /** The settings are unsafe; the message lists every problem. */
    public static class UnsafeSettingsException extends RuntimeException {
        private final List<String> problems;

        public UnsafeSettingsException(List<String> problems) {
            super("Cherrypick will not start with these settings:\n - " + String.join("\n - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
