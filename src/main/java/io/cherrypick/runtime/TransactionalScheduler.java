package io.cherrypick.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Quartz scheduler as Camel's quartz component uses it: every call that reads or writes the job store runs in a
 * database transaction.
 * <p>
 * Spring's JDBC job store takes the application's connections, and Quartz's cluster lock (a {@code SELECT ... FOR
 * UPDATE} on QRTZ_LOCKS) only holds for the transaction around it. Called outside one, the connection commits after
 * each statement, so the lock is released at once: two instances starting together both found no job for a route and
 * both inserted it, and the second failed to start on the duplicate key. Within a transaction the second waits for the
 * lock and is told the trigger exists.
 * <p>
 * That answer is then taken as success: {@code scheduleJob(job, trigger)} finding a trigger of its key already stored
 * returns its next fire time. Another instance of the cluster stored it, from the same route, a moment earlier. Camel's
 * quartz endpoint already treats it so, but a polling consumer's quartz scheduler does not, and its route failed to
 * start. A job stored without that trigger is still an error.
 * <p>
 * The scheduler's lifecycle (start, standby, shutdown) and its in-memory state are not wrapped: Quartz manages its
 * own connections for those.
 */
public final class TransactionalScheduler implements InvocationHandler {
    private static final Logger log = LoggerFactory.getLogger(TransactionalScheduler.class);
    private static final Set<String> NOT_IN_A_TRANSACTION = Set.of("start", "startDelayed", "standby", "shutdown",
            "isStarted", "isShutdown", "isInStandbyMode", "getContext", "getMetaData", "getSchedulerName",
            "getSchedulerInstanceId", "getListenerManager", "setJobFactory", "getCurrentlyExecutingJobs",
            "interrupt", "equals", "hashCode", "toString");

    private final Scheduler scheduler;
    private final TransactionTemplate tx;

    private TransactionalScheduler(Scheduler scheduler, TransactionTemplate tx) {
        this.scheduler = scheduler;
        this.tx = tx;
    }

    /** {@code scheduler} with its job-store calls in transactions of {@code tx}. */
    public static Scheduler wrap(Scheduler scheduler, TransactionTemplate tx) {
        return (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(), new Class<?>[] {Scheduler.class},
                new TransactionalScheduler(scheduler, tx));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (NOT_IN_A_TRANSACTION.contains(method.getName())) {
            return call(method, args);
        }
        Throwable[] failure = new Throwable[1];
        Object result = tx.execute(status -> {
            try {
                return call(method, args);
            } catch (Throwable e) {
                failure[0] = e;
                status.setRollbackOnly();
                return null;
            }
        });
        if (failure[0] instanceof ObjectAlreadyExistsException && isScheduleJob(method, args)) {
            Trigger stored = scheduler.getTrigger(((Trigger) args[1]).getKey());
            if (stored != null) {
                log.info("Quartz trigger {} was stored by another instance of the cluster a moment ago; using it", stored.getKey());
                return stored.getNextFireTime();
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return result;
    }

    private static boolean isScheduleJob(Method method, Object[] args) {
        return method.getName().equals("scheduleJob") && args != null && args.length == 2 && args[1] instanceof Trigger;
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(scheduler, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
