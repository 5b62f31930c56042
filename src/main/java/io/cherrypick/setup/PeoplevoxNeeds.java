package io.cherrypick.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.cherrypick.mapping.MappingFile;
import io.cherrypick.mapping.MappingFunctions;
import io.cherrypick.mapping.MappingSource;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.runtime.FlowSwitch;

/**
 * What Cherrypick needs of the tenant's Peoplevox: the fields of each template it writes and the columns of each report
 * it reads, for the flows that are switched on. The fields are the mapped ones, read from the mapping files in
 * {@code routes/mappings} (an integrator who maps a new field needs it in Peoplevox too); the table below only says
 * which mapping part fills which template, and what a flow writes besides its mapping.
 */
@Component
public class PeoplevoxNeeds {
    /** A template a flow writes, filled by a mapping part, plus fields the flow's code writes itself. */
    record Written(String template, String flow, String mapping, String part, List<String> extraFields, String extraWhy) {
    }

    /** A report a flow reads: the columns its mapping file reads, plus those its code reads. */
    record Read(String report, String flow, String mapping, List<String> extraColumns, String extraWhy) {
    }

    /** A field (or column) Peoplevox must have, and who needs it. */
    public record Need(String name, String neededBy) {
    }

    private final Mappings mappings;
    private final FlowSwitch flows;
    private final Environment env;

    public PeoplevoxNeeds(Mappings mappings, FlowSwitch flows, Environment env) {
        this.mappings = mappings;
        this.flows = flows;
        this.env = env;
    }

    private List<Written> written() {
        return List.of(
                new Written("Item types", "item", "item", "item", List.of(), null),
                new Written("Sales orders", "sales-order", "sales-order", "header", List.of(), null),
                new Written("Sales order items", "sales-order", "sales-order", "lines", List.of(), null),
                new Written("Sales orders", "sales-order-change", "sales-order", "header", List.of("Status"),
                        "the amendment flow, to cancel an order"),
                new Written(env.getProperty("cherrypick.flows.returns.expected-return-template", "Returns"), "returns",
                        "expected-return", "returns", List.of(), null),
                new Written(env.getProperty("cherrypick.flows.inbound.purchase-order-template", "Purchase orders"),
                        "inbound", "purchase-order", "header", List.of(), null),
                new Written(env.getProperty("cherrypick.flows.inbound.purchase-order-item-template", "Purchase order items"),
                        "inbound", "purchase-order", "lines", List.of(), null));
    }

    private List<Read> read() {
        return List.of(
                new Read("Despatch summary", "despatch", "despatch-summary", List.of(), null),
                new Read("Return summary", "returns", "return-summary", List.of(), null),
                new Read(env.getProperty("cherrypick.flows.stock.report", "Item inventory summary"), "stock", null,
                        List.of("Item code", "Site reference", "Available", "On hand"),
                        "the stock flow (levels and the Blue Cherry overlay) and the audit's stock check"),
                new Read(env.getProperty("cherrypick.flows.inbound.goods-in-report", "Goods in summary"), "inbound", null,
                        List.of("Goods in reference number", "Item code", "Quantity", "Purchase order number",
                                "Site reference", "Reconciled date"),
                        "the inbound flow (a delivery's lines, the receipts to Blue Cherry and the goods-in poll)"));
    }

    /** Per template written by a flow that is on: the fields it needs, in mapping order, each with who needs it. */
    public Map<String, List<Need>> templates() {
        Map<String, Map<String, Need>> out = new LinkedHashMap<>();
        for (Written w : written()) {
            if (!flows.enabled(w.flow())) {
                continue;
            }
            Map<String, Need> fields = out.computeIfAbsent(w.template(), t -> new LinkedHashMap<>());
            String where = "routes/mappings/" + w.mapping() + ".yaml part " + w.part();
            mappings.file(w.mapping()).part(w.part()).fields().keySet()
                    .forEach(field -> fields.putIfAbsent(field, new Need(field, where)));
            w.extraFields().forEach(field -> fields.putIfAbsent(field, new Need(field, w.extraWhy())));
        }
        Map<String, List<Need>> result = new LinkedHashMap<>();
        out.forEach((template, fields) -> result.put(template, List.copyOf(fields.values())));
        return result;
    }

    /** Per report read by a flow that is on: the columns it needs, each with who needs it. */
    public Map<String, List<Need>> reports() {
        Map<String, List<Need>> out = new LinkedHashMap<>();
        for (Read r : read()) {
            if (!flows.enabled(r.flow())) {
                continue;
            }
            List<Need> columns = new ArrayList<>();
            if (r.mapping() != null) {
                String where = "routes/mappings/" + r.mapping() + ".yaml";
                columnsRead(mappings.file(r.mapping())).forEach(c -> columns.add(new Need(c, where)));
            }
            r.extraColumns().forEach(c -> columns.add(new Need(c, r.extraWhy())));
            out.put(r.report(), List.copyOf(columns));
        }
        return out;
    }

    /** The source names a mapping file reads: its expressions evaluated over a record that notes every name asked for. */
    static Set<String> columnsRead(MappingFile file) {
        Set<String> names = new LinkedHashSet<>();
        MappingSource noting = new MappingSource() {
            @Override
            public String value(String name) {
                if (!name.startsWith("header.")) {
                    names.add(name);
                }
                return "";
            }

            @Override
            public List<? extends MappingSource> each(String collection) {
                return List.of(this);
            }
        };
        file.map(noting, new MappingFunctions((kind, value) -> null));
        return names;
    }
}
