package io.cherrypick.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Clustered Quartz on the application's database (Spring Boot's JDBC job store, settings under spring.quartz): every
 * instance shares the QRTZ_ tables, so each schedule fires on one instance only. PostgreSQL stores job data as bytea
 * and needs Quartz's PostgreSQL delegate; H2 works with the standard one.
 */
@Configuration
public class QuartzConfiguration {
    @Bean
    SchedulerFactoryBeanCustomizer quartzDelegateForDatabase(DataSource dataSource, QuartzProperties quartz) {
        return factory -> {
            Properties merged = new Properties();
            merged.putAll(quartz.getProperties());
            if (isPostgres(dataSource)) {
                merged.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            }
            factory.setQuartzProperties(merged);
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product name for Quartz: " + e.getMessage(), e);
        }
    }
}
