package io.cherrypick.setup;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.flow.despatch.DespatchFlow;
import io.cherrypick.flow.returns.ReturnsFlow;
import io.cherrypick.flow.returns.ReturnsProperties;
import io.cherrypick.runtime.FlowSwitch;
import io.cherrypick.store.ValueMappingStore;

/**
 * The mappings (the tenant's code lists, as the flows look them up, configured seeds included): every Blue Cherry
 * location on open picks and purchase orders has a Peoplevox site that exists, every shipper a service type that exists,
 * every service type a Blue Cherry shipper and SCAC, every return reason and condition seen lately a mapping.
 */
@Component
@Order(4)
class MappingChecks implements SetupCheck {
    private final ValueMappingStore mappings;
    private final FlowSwitch flows;
    private final ReturnsProperties returns;

    MappingChecks(ValueMappingStore mappings, FlowSwitch flows, ReturnsProperties returns) {
        this.mappings = mappings;
        this.flows = flows;
        this.returns = returns;
    }

    @Override
    public String name() {
        return "Mappings";
    }

    @Override
    public List<CheckResult> run(AuditContext audit) {
        return List.of(locations(audit), shippers(audit), carriers(audit), returnCodes(audit));
    }

    private static final String PICKS_AND_POS = "open picks and purchase order lines";

    /** Where a code is used: how many records, and the first. */
    private static final class Uses {
        final String noun;
        int count;
        String first;

        Uses(String noun) {
            this.noun = noun;
        }

        void add(String record) {
            if (count++ == 0) {
                first = record;
            }
        }

        @Override
        public String toString() {
            return count == 1 ? "on " + first : "on " + count + " " + noun + ", e.g. " + first;
        }
    }

    private CheckResult locations(AuditContext audit) {
        return audit.check("mappings.locations", Section.MAPPINGS, "Locations on open picks and purchase orders have a"
                + " Peoplevox site", c -> {
            c.reads("Blue Cherry open picks and purchase orders (stage 3), mapping kind site, Peoplevox Sites")
                    .fix("Map each location to its Peoplevox site reference (console: Mappings > site; or PUT"
                            + " /api/mappings/site/<location> {\"target\": \"<site reference>\"}); the site must exist in"
                            + " Peoplevox. Until then the order flow holds those picks (MISSING_WAREHOUSE).");
            Map<String, Uses> used = new TreeMap<>();
            for (Pick pick : audit.readings().picks()) {
                if (audit.readings().isOpen(pick)) {
                    used.computeIfAbsent(pick.getLocation(), l -> new Uses(PICKS_AND_POS)).add("pick " + pick.getPickNum());
                }
            }
            for (JsonNode po : audit.readings().purchaseOrders()) {
                for (JsonNode line : po.path("productionorderdetailbystage").path("rows")) {
                    used.computeIfAbsent(line.path("location").asText("").trim(), l -> new Uses(PICKS_AND_POS))
                            .add("purchase order " + po.path("prod_num").asText());
                }
            }
            Map<String, String> sites = mappings.all(ValueMappingStore.SITE);
            Set<String> peoplevoxSites = optional(c, () -> audit.readings().sites(), "sites");
            used.forEach((location, uses) -> {
                c.checked(1);
                String site = sites.get(location);
                if (location.isEmpty()) {
                    c.problem(Verdict.FAIL, "no location (" + uses + ")");
                } else if (site == null || site.isBlank()) {
                    c.problem(Verdict.FAIL, "location " + location + " (" + uses + ") has no Peoplevox site");
                } else if (peoplevoxSites != null && !peoplevoxSites.contains(site)) {
                    c.problem(Verdict.FAIL, "location " + location + " maps to Peoplevox site " + site + ", which Peoplevox"
                            + " does not have (its sites: " + String.join(", ", peoplevoxSites) + ")");
                }
            });
        });
    }

    private CheckResult shippers(AuditContext audit) {
        return audit.check("mappings.shippers", Section.MAPPINGS, "Shippers have a Peoplevox service type", c -> {
            c.reads("Blue Cherry open picks and shippers, mapping kind shipper, Peoplevox Service types").fix("Map each"
                    + " Blue Cherry shipper to the Peoplevox service type it ships with (console: Mappings > shipper; or PUT"
                    + " /api/mappings/shipper/<shipper>); the service type must exist in Peoplevox. A pick whose shipper has"
                    + " none is held (VALIDATION).");
            Map<String, Uses> used = new TreeMap<>();
            for (Pick pick : audit.readings().picks()) {
                if (audit.readings().isOpen(pick)) {
                    used.computeIfAbsent(pick.getShipper(), s -> new Uses("open picks")).add("pick " + pick.getPickNum());
                }
            }
            Set<String> all = new LinkedHashSet<>(used.keySet());
            all.addAll(audit.readings().shippers());
            Map<String, String> services = mappings.all(ValueMappingStore.SHIPPER);
            Map<String, String> peoplevoxServices = optional(c, () -> audit.readings().serviceTypes(), "service types");
            for (String shipper : all) {
                c.checked(1);
                Uses uses = used.get(shipper);
                String service = services.get(shipper);
                String where = uses == null ? "in Blue Cherry's shippers, on no open pick" : uses.toString();
                if (shipper.isEmpty()) {
                    c.problem(Verdict.FAIL, "open picks with no shipper (" + uses + ")");
                } else if (service == null || service.isBlank()) {
                    c.problem(uses == null ? Verdict.WARN : Verdict.FAIL, "shipper " + shipper + " (" + where + ") has no"
                            + " Peoplevox service type");
                } else if (peoplevoxServices != null && !peoplevoxServices.containsKey(service)) {
                    c.problem(uses == null ? Verdict.WARN : Verdict.FAIL, "shipper " + shipper + " maps to service type "
                            + service + ", which Peoplevox does not have");
                }
            }
        });
    }

    private CheckResult carriers(AuditContext audit) {
        return audit.check("mappings.carriers", Section.MAPPINGS, "Service types have a Blue Cherry shipper and SCAC", c -> {
            c.fix("Map each Peoplevox service type (or its carrier) to SHIPPER/SCAC, e.g. UPS/UPSN (console: Mappings >"
                    + " carrier; or PUT /api/mappings/carrier/<service type>). A despatch by a service without one cannot be"
                    + " confirmed in Blue Cherry (VALIDATION).");
            if (!flows.enabled("despatch")) {
                c.reads("nothing: the despatch flow is off");
                return;
            }
            c.reads("Peoplevox Service types, mapping kinds shipper and carrier");
            Map<String, String> services = new LinkedHashMap<>(audit.readings().serviceTypes());
            mappings.all(ValueMappingStore.SHIPPER).values().forEach(s -> services.putIfAbsent(s, ""));
            Map<String, String> carriers = mappings.all(DespatchFlow.CARRIER_MAPPING);
            services.forEach((service, carrier) -> {
                c.checked(1);
                String value = carriers.containsKey(service) ? carriers.get(service) : carriers.get(carrier);
                String[] parts = value == null ? new String[0] : value.split("/", 2);
                if (value == null) {
                    c.problem(Verdict.FAIL, "service type " + service + (carrier.isEmpty() ? "" : " (carrier " + carrier + ")")
                            + " has no Blue Cherry shipper and SCAC");
                } else if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    c.problem(Verdict.FAIL, "service type " + service + " maps to '" + value + "', not SHIPPER/SCAC");
                }
            });
        });
    }

    private CheckResult returnCodes(AuditContext audit) {
        return audit.check("mappings.returns", Section.MAPPINGS, "Return reasons and conditions are mapped", c -> {
            c.fix("Map each Peoplevox return condition to a Blue Cherry disposition (A restock, D damaged, Q quarantine;"
                    + " console: Mappings > return-disposition) and each return reason to a Blue Cherry reason code"
                    + " (Mappings > return-reason).");
            if (!flows.enabled("returns")) {
                c.reads("nothing: the returns flow is off");
                return;
            }
            c.reads("Peoplevox Return summary of the last " + audit.setup().returnsLookback().toDays() + " days, mapping kinds"
                    + " return-disposition and return-reason");
            Map<String, Uses> conditions = new TreeMap<>();
            Map<String, Uses> reasons = new TreeMap<>();
            for (Map<String, String> r : audit.readings().returns()) {
                String code = "return " + r.getOrDefault("Return code", "");
                conditions.computeIfAbsent(r.getOrDefault("Return condition", "").trim(), k -> new Uses("returns")).add(code);
                reasons.computeIfAbsent(r.getOrDefault("Return reason", "").trim(), k -> new Uses("returns")).add(code);
            }
            conditions.remove("");
            reasons.remove("");
            Map<String, String> dispositions = mappings.all(ReturnsFlow.DISPOSITION_MAPPING);
            Map<String, String> reasonCodes = mappings.all(ReturnsFlow.REASON_MAPPING);
            conditions.forEach((condition, uses) -> {
                c.checked(1);
                if (!dispositions.containsKey(condition)) {
                    c.problem(Verdict.WARN, "return condition " + condition + " (" + uses + ") has no disposition: such"
                            + " returns go to Blue Cherry as " + returns.defaultDisposition() + " (the default)");
                }
            });
            reasons.forEach((reason, uses) -> {
                c.checked(1);
                if (!reasonCodes.containsKey(reason)) {
                    c.problem(Verdict.WARN, "return reason " + reason + " (" + uses + ") has no Blue Cherry reason code:"
                            + " the RA's own reason goes instead");
                }
            });
        });
    }

    /** A Peoplevox list the check can do without: when it cannot be read, the check says so and goes on. */
    private static <T> T optional(CheckResult.Builder c, Supplier<T> read, String what) {
        try {
            return read.get();
        } catch (Readings.Unavailable e) {
            c.verdict(Verdict.WARN, "Peoplevox " + what + " not verified: " + e.getMessage());
            return null;
        }
    }
}
