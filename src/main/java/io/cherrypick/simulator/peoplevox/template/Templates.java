package io.cherrypick.simulator.peoplevox.template;

import io.cherrypick.simulator.peoplevox.SimulatorSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The integration templates of the simulated tenant and their configured field lists. */
public final class Templates {
    private final List<Template> all;

    public Templates() {
        List<Template> templates = new ArrayList<>(List.of(new ItemTypesTemplate(), new SalesOrdersTemplate(),
                new SalesOrderItemsTemplate()));
        templates.addAll(MasterDataTemplates.all());
        this.all = List.copyOf(templates);
    }

    public List<Template> all() {
        return all;
    }

    /** By name, ignoring case and surrounding blanks (case sensitivity of the real system is unknown). */
    public Template find(String name) {
        if (name == null) {
            return null;
        }
        return all.stream().filter(t -> t.name().equalsIgnoreCase(name.trim())).findFirst().orElse(null);
    }

    public Template require(String name) {
        Template template = find(name);
        if (template == null) {
            throw new RequestRejectedException("Template '" + name + "' does not exist or is not configured");
        }
        return template;
    }

    /** The tenant's field list for the template: the configured list, else the default list. */
    public List<String> fieldsOf(Template template, SimulatorSettings settings) {
        for (Map.Entry<String, List<String>> configured : settings.templates().entrySet()) {
            if (configured.getKey().equalsIgnoreCase(template.name())) {
                return configured.getValue();
            }
        }
        return template.defaultFields();
    }

    /**
     * Checks configured field lists: known templates, known fields, no duplicates, not empty.
     *
     * @throws IllegalArgumentException naming the template and field
     */
    public Map<String, List<String>> canonical(Map<String, List<String>> configured) {
        Map<String, List<String>> result = new java.util.LinkedHashMap<>();
        configured.forEach((name, fields) -> {
            Template template = find(name);
            if (template == null) {
                throw new IllegalArgumentException("Unknown template '" + name + "'");
            }
            if (fields == null || fields.isEmpty()) {
                throw new IllegalArgumentException("Template '" + template.name() + "' needs at least one field");
            }
            Set<String> seen = new HashSet<>();
            List<String> canonicalFields = new ArrayList<>();
            for (String field : fields) {
                FieldSpec spec = template.field(field == null ? "" : field.trim());
                if (spec == null) {
                    throw new IllegalArgumentException("Template '" + template.name() + "' has no field '" + field
                            + "'; known fields: " + String.join(",", template.knownFields().stream()
                            .map(FieldSpec::name).toList()));
                }
                if (!seen.add(spec.name())) {
                    throw new IllegalArgumentException("Template '" + template.name() + "' lists field '"
                            + spec.name() + "' twice");
                }
                canonicalFields.add(spec.name());
            }
            result.put(template.name(), List.copyOf(canonicalFields));
        });
        return result;
    }
}
