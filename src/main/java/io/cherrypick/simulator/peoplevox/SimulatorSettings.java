package io.cherrypick.simulator.peoplevox;

import io.cherrypick.simulator.peoplevox.warehouse.OrderStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's runtime configuration, readable and changeable through {@code /_control/config}. Immutable;
 * changes produce a new instance.
 *
 * @param statusNames display name per order state (key = OrderStatus constant name)
 * @param templates   field lists that replace a template's default list (key = template name)
 * @param maxRecords  how many sales orders, despatches, received returns and goods receipts the simulator keeps each;
 *                    past it, the oldest settled ones go first (see {@code Warehouse#trim})
 */
public record SimulatorSettings(
        long idleTimeoutSeconds,
        boolean rateLimitEnabled,
        int rateLimitRequests,
        int rateLimitWindowSeconds,
        int pageCap,
        double duplicateRate,
        double reorderRate,
        boolean autoAllocate,
        String defaultSite,
        Map<String, String> statusNames,
        Map<String, List<String>> templates,
        int maxRecords) {

    public SimulatorSettings {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1");
        }
        statusNames = Collections.unmodifiableMap(new LinkedHashMap<>(statusNames));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        templates.forEach((name, fields) -> copy.put(name, List.copyOf(fields)));
        templates = Collections.unmodifiableMap(copy);
    }

    public static SimulatorSettings defaults() {
        Map<String, String> names = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            names.put(status.name(), status.defaultName());
        }
        return new SimulatorSettings(1800, false, 15, 15, 1000, 0, 0, true, "PrimarySite", names, Map.of(), 100_000);
    }

    public String statusName(OrderStatus status) {
        return statusNames.getOrDefault(status.name(), status.defaultName());
    }

    /** Finds a state by its display name or constant name, ignoring case. */
    public Optional<OrderStatus> statusByName(String name) {
        for (OrderStatus status : OrderStatus.values()) {
            if (statusName(status).equalsIgnoreCase(name) || status.name().equalsIgnoreCase(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    public SimulatorSettings withIdleTimeoutSeconds(long seconds) {
        return new SimulatorSettings(seconds, rateLimitEnabled, rateLimitRequests, rateLimitWindowSeconds, pageCap,
                duplicateRate, reorderRate, autoAllocate, defaultSite, statusNames, templates, maxRecords);
    }

    public SimulatorSettings withRateLimit(boolean enabled, int requests, int windowSeconds) {
        return new SimulatorSettings(idleTimeoutSeconds, enabled, requests, windowSeconds, pageCap, duplicateRate,
                reorderRate, autoAllocate, defaultSite, statusNames, templates, maxRecords);
    }

    public SimulatorSettings withPageCap(int cap) {
        return new SimulatorSettings(idleTimeoutSeconds, rateLimitEnabled, rateLimitRequests, rateLimitWindowSeconds,
                cap, duplicateRate, reorderRate, autoAllocate, defaultSite, statusNames, templates, maxRecords);
    }

    public SimulatorSettings withDeliveryRates(double duplicate, double reorder) {
        return new SimulatorSettings(idleTimeoutSeconds, rateLimitEnabled, rateLimitRequests, rateLimitWindowSeconds,
                pageCap, duplicate, reorder, autoAllocate, defaultSite, statusNames, templates, maxRecords);
    }

    public SimulatorSettings withAllocation(boolean auto, String site) {
        return new SimulatorSettings(idleTimeoutSeconds, rateLimitEnabled, rateLimitRequests, rateLimitWindowSeconds,
                pageCap, duplicateRate, reorderRate, auto, site, statusNames, templates, maxRecords);
    }

    public SimulatorSettings withMaxRecords(int max) {
        return new SimulatorSettings(idleTimeoutSeconds, rateLimitEnabled, rateLimitRequests, rateLimitWindowSeconds,
                pageCap, duplicateRate, reorderRate, autoAllocate, defaultSite, statusNames, templates, max);
    }

    /** Replaces the names given; keys are OrderStatus constant names, case-insensitive. */
    public SimulatorSettings withStatusNames(Map<String, String> changes) {
        Map<OrderStatus, String> merged = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            merged.put(status, statusName(status));
        }
        changes.forEach((key, name) -> {
            OrderStatus status = parseStatusKey(key);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("statusNames." + key + " must not be blank");
            }
            merged.put(status, name.trim());
        });
        Map<String, String> names = new LinkedHashMap<>();
        merged.forEach((status, name) -> {
            if (names.values().stream().anyMatch(name::equalsIgnoreCase)) {
                throw new IllegalArgumentException("statusNames: '" + name + "' is used for two states");
            }
            names.put(status.name(), name);
        });
        return new SimulatorSettings(idleTimeoutSeconds, rateLimitEnabled, rateLimitRequests, rateLimitWindowSeconds,
                pageCap, duplicateRate, reorderRate, autoAllocate, defaultSite, names, templates, maxRecords);
    }

    /** Replaces the field lists of the templates given, keeping the others. */
    public SimulatorSettings withTemplates(Map<String, List<String>> changes) {
        Map<String, List<String>> merged = new LinkedHashMap<>(templates);
        merged.putAll(changes);
        return new SimulatorSettings(idleTimeoutSeconds, rateLimitEnabled, rateLimitRequests, rateLimitWindowSeconds,
                pageCap, duplicateRate, reorderRate, autoAllocate, defaultSite, statusNames, merged, maxRecords);
    }

    private static OrderStatus parseStatusKey(String key) {
        for (OrderStatus status : OrderStatus.values()) {
            if (status.name().equalsIgnoreCase(key) || status.defaultName().equalsIgnoreCase(key)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown status '" + key + "' in statusNames; use NEW, ALLOCATED, PICKING,"
                + " PACKED, DESPATCHED or CANCELLED");
    }
}
