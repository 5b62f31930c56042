package io.cherrypick.simulator.bluecherry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The clock that stamps {@code last_mod}. Real time by default; tests freeze it or move it forward to drive
 * watermark scenarios. Times are truncated to whole seconds, as Blue Cherry's {@code last_mod} has 1-second
 * resolution: everything written within one second shares its {@code last_mod}.
 */
public final class SimClock {
    private final Clock system;
    private ZoneId zone = ZoneId.of("UTC");
    private LocalDateTime frozenAt;           // null while running in real time
    private Duration offset = Duration.ZERO; // advances applied while running in real time

    public SimClock(Clock system) {
        this.system = system;
    }

    public synchronized LocalDateTime now() {
        LocalDateTime t = frozenAt != null ? frozenAt : LocalDateTime.now(system.withZone(zone)).plus(offset);
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    public synchronized void freeze(LocalDateTime at) {
        frozenAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public synchronized void advance(long seconds) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plusSeconds(seconds);
        } else {
            offset = offset.plusSeconds(seconds);
        }
    }

    public synchronized void real() {
        frozenAt = null;
        offset = Duration.ZERO;
    }

    public synchronized void zone(ZoneId newZone) {
        zone = newZone;
    }

    public synchronized boolean frozen() {
        return frozenAt != null;
    }
}
