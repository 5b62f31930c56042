package io.cherrypick.peoplevox;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class PeoplevoxPacingH2Test extends AbstractPeoplevoxPacingTest {
    private String url;

    @Override
    void newDatabase() {
        url = "jdbc:h2:mem:pacing" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(connections()).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
    }

    @Override
    DataSource connections() {
        return new DriverManagerDataSource(url, "sa", "");
    }
}
