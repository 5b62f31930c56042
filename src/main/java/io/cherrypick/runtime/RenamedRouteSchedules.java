package io.cherrypick.runtime;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A polling consumer scheduled by clustered Quartz ({@code scheduler: quartz} with a fixed {@code scheduler.triggerId})
 * finds its job by the route id stored with it. When a route is renamed, the stored job still names the old id: Camel
 * keeps it and its firings find no route, so the schedule would silently stop. Before such a consumer starts, a job of
 * its trigger that names a route this context does not have is removed, so the consumer schedules a fresh one.
 */
public final class RenamedRouteSchedules {
    private static final Logger log = LoggerFactory.getLogger(RenamedRouteSchedules.class);

    private RenamedRouteSchedules() {
    }

    /** Call from the consumer's {@code doStart}, before its scheduler starts. */
    public static void claimFor(CamelContext camel, Map<String, Object> schedulerProperties, String routeId) {
        Object triggerId = schedulerProperties == null ? null : schedulerProperties.get("triggerId");
        Object triggerGroup = schedulerProperties == null ? null : schedulerProperties.get("triggerGroup");
        if (triggerId == null || triggerGroup == null || routeId == null) {
            return;
        }
        try {
            Scheduler scheduler = camel.getComponent("quartz", QuartzComponent.class).getScheduler();
            Trigger trigger = scheduler.getTrigger(new TriggerKey(triggerId.toString(), triggerGroup.toString()));
            if (trigger == null) {
                return;
            }
            JobDetail job = scheduler.getJobDetail(trigger.getJobKey());
            String owner = job == null ? null : job.getJobDataMap().getString("routeId");
            if (owner != null && !owner.equals(routeId) && camel.getRoute(owner) == null) {
                scheduler.deleteJob(job.getKey());
                log.info("schedule {}/{} moves from route {} (renamed or removed) to route {}", triggerGroup, triggerId, owner,
                        routeId);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the Quartz schedule " + triggerGroup + "/" + triggerId + " of route "
                    + routeId + ": " + e.getMessage(), e);
        }
    }
}
