package io.cherrypick.peoplevox;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.cherrypick.support.EmbeddedPostgres;

class PeoplevoxPacingPostgresTest extends AbstractPeoplevoxPacingTest {
    private String url;

    @Override
    void newDatabase() {
        url = EmbeddedPostgres.newDatabaseUrl();
        Flyway.configure().dataSource(connections()).locations("classpath:db/migration/common",
                "classpath:db/migration/postgresql").load().migrate();
    }

    @Override
    DataSource connections() {
        return new DriverManagerDataSource(url, "postgres", "postgres");
    }
}
