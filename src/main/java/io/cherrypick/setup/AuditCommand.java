package io.cherrypick.setup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.CherrypickApplication;

/**
 * {@code java -jar cherrypick.jar audit [--json=<file>] [--html=<file>] [--name=value ...]}: the setup audit, with the
 * runtime's configuration (the same application.yml, profiles, environment variables and {@code --name=value}
 * settings), printed as text; the report also as JSON and HTML files when asked. Exit code 0 when no check failed
 * (warnings allowed), 1 when one did, 2 when the audit could not run (its settings or Cherrypick's database).
 * <p>
 * The JVM is an audit, not a runtime: no web server, no flows (routes), no schedulers, no simulators ({@link #AUDIT_MODE}).
 * It opens Cherrypick's database as the runtime does (migrations, the configured mapping seeds), reads it, and writes
 * nothing else there; it never writes to Blue Cherry or Peoplevox. The start-up checks do not stop it: the
 * configuration check reports what they find, judged on the runtime's settings as they were before this JVM's changes.
 */
public final class AuditCommand {
    public static final String COMMAND = "audit";
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int COULD_NOT_RUN = 2;

    /** What makes this JVM an audit: the settings it overrides, whatever the configuration says. */
    static final Map<String, Object> AUDIT_MODE = Map.of(
            "cherrypick.setup.command", "true",
            "camel.main.routes-include-pattern", "false",
            "camel.main.routes-reload-enabled", "false",
            "camel.cli.enabled", "false",
            "spring.quartz.auto-startup", "false",
            "cherrypick.simulator.enabled", "false",
            "spring.main.banner-mode", "off");

    private AuditCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the audit; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path json = null;
        Path html = null;
        List<String> settings = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--json=")) {
                json = Path.of(arg.substring("--json=".length()));
            } else if (arg.startsWith("--html=")) {
                html = Path.of(arg.substring("--html=".length()));
            } else {
                settings.add(arg);
            }
        }
        AtomicReference<ConfigurableEnvironment> runtime = new AtomicReference<>();
        SpringApplication app = new SpringApplication(CherrypickApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            ConfigurableEnvironment env = event.getEnvironment();
            runtime.set(copyOf(env));
            env.getPropertySources().addFirst(new MapPropertySource("cherrypick-audit-command", AUDIT_MODE));
        });
        app.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("setupRuntimeSettings", new RuntimeSettings(runtime.get()));
            // no CLI connector (camel.cli.enabled=false above, honoured by runtime.CliConnectorSwitch): one here would
            // share the JVM's lock file with a runtime's in the same JVM and stop it when this audit ends
        });
        try (ConfigurableApplicationContext context = app.run(settings.toArray(String[]::new))) {
            AuditReport report = context.getBean(SetupAudit.class).run(UUID.randomUUID().toString(),
                    "audit command (" + System.getProperty("user.name", "?") + ")", r -> {
                    });
            out.print(TextReport.render(report));
            if (json != null) {
                Files.writeString(json, context.getBean(ObjectMapper.class).writerWithDefaultPrettyPrinter()
                        .writeValueAsString(report), StandardCharsets.UTF_8);
                out.println("\nJSON report: " + json.toAbsolutePath());
            }
            if (html != null) {
                Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
                out.println("HTML report: " + html.toAbsolutePath());
            }
            return report.verdict() == Verdict.FAIL ? FAILED : PASSED;
        } catch (IOException | RuntimeException e) {
            err.println("The setup audit could not run: " + cause(e));
            return COULD_NOT_RUN;
        }
    }

    /** The runtime's environment as configured: the same property sources, without the command's own. */
    private static ConfigurableEnvironment copyOf(ConfigurableEnvironment env) {
        StandardEnvironment copy = new StandardEnvironment();
        MutablePropertySources sources = copy.getPropertySources();
        List<String> own = new ArrayList<>();
        sources.forEach(s -> own.add(s.getName()));
        own.forEach(sources::remove);
        for (PropertySource<?> source : env.getPropertySources()) {
            // the attached view of every source would also show the command's overrides, added after this copy
            if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                sources.addLast(source);
            }
        }
        copy.setActiveProfiles(env.getActiveProfiles());
        copy.setConversionService(env.getConversionService());
        ConfigurationPropertySources.attach(copy);
        return copy;
    }

    private static String cause(Throwable e) {
        Throwable root = e;
        StringBuilder why = new StringBuilder(String.valueOf(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null && !why.toString().contains(root.getMessage())) {
                why.append(": ").append(root.getMessage());
            }
        }
        return why.toString();
    }
}
