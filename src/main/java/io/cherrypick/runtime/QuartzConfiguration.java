package io.cherrypick.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clustered Quartz on the application's database (Spring Boot's JDBC job store, settings under spring.quartz): every
 * instance shares the QRTZ_ tables, so each schedule fires on one instance only. PostgreSQL stores job data as bytea
 * and needs Quartz's PostgreSQL delegate; H2 works with the standard one.
 * <p>
 * Shutdown is bounded ({@link QuartzShutdown}): Quartz itself would wait without end for a worker that retries a
 * database write the database no longer takes.
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
            // the bounded wait happens in QuartzShutdown, before this factory shuts the scheduler down
            factory.setWaitForJobsToCompleteOnShutdown(false);
        };
    }

    /**
     * Camel's quartz component schedules the routes' jobs through a scheduler whose job-store calls run in transactions
     * ({@link TransactionalScheduler}), so Quartz's cluster lock holds while it checks for a job and stores it.
     */
    @Bean
    ComponentCustomizer quartzComponentInTransactions(Scheduler scheduler, TransactionTemplate tx) {
        return ComponentCustomizer.forType(QuartzComponent.class,
                component -> component.setScheduler(TransactionalScheduler.wrap(scheduler, tx)));
    }

    @Bean
    QuartzShutdown quartzShutdown(Scheduler scheduler, RuntimeProperties runtime) {
        return new QuartzShutdown(scheduler, runtime.quartz().shutdownTimeout());
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product name for Quartz: " + e.getMessage(), e);
        }
    }
}
