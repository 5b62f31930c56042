package io.cherrypick.peoplevox.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every {@link EventSpec} the flows registered, by event type (one flow per event type). */
@Component
public class EventSpecs {
    private final Map<String, EventSpec> byType = new LinkedHashMap<>();

    public EventSpecs(List<EventSpec> specs) {
        for (EventSpec spec : specs) {
            EventSpec before = byType.put(spec.eventType(), spec);
            if (before != null) {
                throw new IllegalStateException("Peoplevox event " + spec.eventType() + " is claimed by flows "
                        + before.flow() + " and " + spec.flow() + "; one flow per event type");
            }
        }
    }

    public Optional<EventSpec> find(String eventType) {
        return Optional.ofNullable(eventType == null ? null : byType.get(eventType));
    }

    /** The specs of enabled flows: the events Cherrypick subscribes to. */
    public List<EventSpec> enabled() {
        return byType.values().stream().filter(EventSpec::enabled).toList();
    }
}
