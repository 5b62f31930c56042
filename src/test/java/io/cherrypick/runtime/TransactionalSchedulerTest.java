package io.cherrypick.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.support.EmbeddedPostgres;

/**
 * Two clustered Quartz schedulers on one PostgreSQL database, as two instances starting together: each, at the same
 * instant, looks for a route's trigger and stores it with its job when it finds none, the way Camel's quartz endpoint
 * and polling consumers do. Through {@link TransactionalScheduler} the cluster lock holds across the store, and the
 * slower one finding the trigger stored takes it as scheduled: neither start fails. Unwrapped, the same race fails
 * (on the duplicate key, or told the trigger exists).
 */
class TransactionalSchedulerTest {
    private static final int RACES = 40;
    private final List<SchedulerFactoryBean> factories = new ArrayList<>();

    @AfterEach
    void stop() {
        for (SchedulerFactoryBean factory : factories) {
            try {
                factory.destroy();
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void twoInstancesSchedulingTheSameJobTogetherNeverCollide() throws Exception {
        DriverManagerDataSource db = database();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        assertThat(race(TransactionalScheduler.wrap(scheduler(db, "a"), tx), TransactionalScheduler.wrap(scheduler(db, "b"), tx)))
                .as("starts that failed").isEmpty();
    }

    @Test
    void withoutTransactionsTheClusterLockDoesNotHoldAndAStartFails() throws Exception {
        DriverManagerDataSource db = database();
        assertThat(race(scheduler(db, "a"), scheduler(db, "b"))).as("starts that failed").isNotEmpty();
    }

    /** Each of {@code RACES} job keys scheduled by both at once; the failures. */
    private static List<Exception> race(Scheduler first, Scheduler second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Exception> failures = new ArrayList<>();
        try {
            for (int i = 0; i < RACES; i++) {
                TriggerKey key = new TriggerKey("route-" + i, "cherrypick");
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Exception> a = pool.submit(scheduleIfAbsent(first, key, together));
                Future<Exception> b = pool.submit(scheduleIfAbsent(second, key, together));
                for (Future<Exception> outcome : List.of(a, b)) {
                    if (outcome.get() != null) {
                        failures.add(outcome.get());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    private static Callable<Exception> scheduleIfAbsent(Scheduler scheduler, TriggerKey key, CyclicBarrier together) {
        return () -> {
            JobDetail job = JobBuilder.newJob(NoWork.class).withIdentity(key.getName(), key.getGroup()).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key)
                    .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever()).build();
            together.await();
            try {
                if (scheduler.getTrigger(key) == null) {
                    scheduler.scheduleJob(job, trigger);
                }
                return null;
            } catch (Exception e) {
                return e;
            }
        };
    }

    private static DriverManagerDataSource database() {
        DriverManagerDataSource db = new DriverManagerDataSource(EmbeddedPostgres.newDatabaseUrl(), "postgres", "postgres");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();
        return db;
    }

    private Scheduler scheduler(DriverManagerDataSource db, String instance) throws Exception {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", "cherrypick");
        quartz.setProperty("org.quartz.scheduler.instanceId", instance);
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.threadPool.threadCount", "1");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(db);
        factory.setQuartzProperties(quartz);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        factories.add(factory);
        return factory.getScheduler();
    }

    /** Never runs: the schedulers are not started. */
    public static class NoWork implements Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }
}
