package io.cherrypick.runtime;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Waits, at most {@code timeout}, for the jobs this instance is running before Spring shuts Quartz down.
 * <p>
 * Quartz's own "wait for jobs to complete" has no bound: a worker whose job ended while the database was unreachable
 * retries recording the completion until the job store is shut down, and the job store is shut down only after the
 * workers finished, so the application never exits. This bean runs first (it depends on the scheduler, so Spring
 * destroys it before the scheduler's factory), waits for running jobs within the bound, then lets the factory shut
 * Quartz down without waiting; the job store's shutdown ends any retry loop.
 */
public class QuartzShutdown implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(QuartzShutdown.class);

    private final Scheduler scheduler;
    private final Duration timeout;

    public QuartzShutdown(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    @Override
    public void destroy() {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            scheduler.standby();
            int running = scheduler.getCurrentlyExecutingJobs().size();
            while (running > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
                running = scheduler.getCurrentlyExecutingJobs().size();
            }
            if (running > 0) {
                log.warn("{} Quartz job(s) still running after {} s; shutting the scheduler down without them", running,
                        timeout.toSeconds());
            }
        } catch (SchedulerException e) {
            log.warn("could not read Quartz's running jobs before shutdown: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
