package io.cherrypick.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.cherrypick.CherrypickApplication;

/**
 * One Cherrypick instance in a JVM of its own, started from the test class path: what production runs (one process per
 * instance), and what a test needs to run several instances without sharing anything a JVM keeps per process (Quartz
 * keeps its data sources in a static manager keyed by the scheduler name, which clustered instances share; two
 * contexts in one JVM then close each other's pools). Output goes to a log file the test can read.
 */
public final class AppProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final java.time.Instant launchedAt;

    private AppProcess(String name, int port, Path log, Process process, java.time.Instant launchedAt) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.launchedAt = launchedAt;
    }

    /**
     * Starts an instance on {@code port} with these Spring arguments ({@code --key=value}) and waits until its health
     * endpoint answers UP.
     */
    public static AppProcess start(String name, int port, List<String> springArgs) throws IOException {
        AppProcess app = launch(name, port, springArgs);
        app.awaitUp(Duration.ofSeconds(120));
        return app;
    }

    /** Starts the simulators alone (profile simulators: no flows), e.g. for several instances to share. */
    public static AppProcess startSimulators(int port) throws IOException {
        return startSimulators(port, List.of());
    }

    /**
     * As {@link #startSimulators(int)}, with more Spring arguments for the simulators (e.g. Peoplevox's rate limit on,
     * quieter logging).
     */
    public static AppProcess startSimulators(int port, List<String> moreArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=simulators",
                "--spring.datasource.url=jdbc:h2:mem:sims;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                        + "DB_CLOSE_DELAY=-1"));
        args.addAll(moreArgs);
        return start("simulators", port, args);
    }

    /** The process's CPU time so far (all its threads), as the operating system counts it; zero when it cannot tell. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** When the process was started (the instant before it was launched). */
    public java.time.Instant launchedAt() {
        return launchedAt;
    }

    /** Starts an instance without waiting for it (for tests that start several at the same instant). */
    public static AppProcess launch(String name, int port, List<String> springArgs) throws IOException {
        Path log = Files.createTempFile("cherrypick-" + name + "-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // an instance of the runtime gets the heap it must work within; the simulators hold a demo day of both systems'
        // records (up to their max-records) and are not what any test or benchmark measures
        command.add("simulators".equals(name) ? "-Xmx1g" : "-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(testClassPath());
        command.add(CherrypickApplication.class.getName());
        command.add("--server.port=" + port);
        command.add("--cherrypick.instance-id=" + name);
        command.add("--cherrypick.data-dir=" + Files.createTempDirectory("cherrypick-" + name));
        // a test waiting for an instance that never comes up says which part of its health is down
        command.add("--management.endpoint.health.show-details=always");
        command.add("--management.endpoint.health.show-components=always");
        command.addAll(springArgs);
        java.time.Instant launchedAt = java.time.Instant.now();
        Process process = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppProcess(name, port, log, process, launchedAt);
    }

    /**
     * Surefire runs tests from a manifest-only jar, so {@code java.class.path} names that jar alone; the real class
     * path is in {@code surefire.test.class.path}. Maven's exec:java runs a main class in Maven's own JVM, whose
     * {@code java.class.path} is Maven's: the project's class path is then the URLs of the loader that loaded this class.
     * Started with {@code java -cp} (or from an IDE), it is {@code java.class.path}.
     */
    public static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return surefire;
        }
        if (AppProcess.class.getClassLoader() instanceof java.net.URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException("class path entry " + url + " is not a file", e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    public void awaitUp(Duration within) {
        await("instance " + name + " up on port " + port + " (its health: " + get("/actuator/health") + ")").atMost(within).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("instance " + name + " ended with exit code " + process.exitValue()
                                + " before it was up; log " + log + ":\n" + tail(60));
                    }
                    return isUp(get("/actuator/health"));
                });
    }

    /** The overall status (not one component's) is UP: Spring and Camel both started. */
    private static boolean isUp(String health) {
        try {
            return !health.isBlank() && "UP".equals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(health)
                    .path("status").asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** GET on this instance; the body, or an empty string when it does not answer. */
    public String get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** POST with a JSON body on this instance; fails unless the answer is 2xx. */
    public String post(String path, String json) {
        return send("POST", path, json);
    }

    /** PUT with a JSON body on this instance; fails unless the answer is 2xx. */
    public String put(String path, String json) {
        return send("PUT", path, json);
    }

    private String send(String method, String path, String json) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " on " + name + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " on " + name + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops or starts one route through the Camel actuator endpoint (needs management.endpoint.camelroutes.read-only=false). */
    public void route(String routeId, String action) {
        post("/actuator/camelroutes/" + routeId + "/" + action, "{}");
    }

    /** The whole log so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * Asks the instance to stop (SIGTERM: Spring's graceful shutdown) and waits up to {@code within}; returns whether
     * it ended in time. A process still alive then is killed, so no test leaves one behind.
     */
    public boolean stop(Duration within) {
        process.destroy();
        try {
            boolean ended = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return ended;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** SIGKILL: the instance dies at once, in the middle of whatever it was doing. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(60));
        }
    }
}
