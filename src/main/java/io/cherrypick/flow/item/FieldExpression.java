package io.cherrypick.flow.item;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping expression, from configuration ({@code cherrypick.flows.item.fields.<PVX field>}):
 * <ul>
 * <li>{@code style} — a source field (size row, then detail row, then style header; {@code style.x}, {@code detail.x},
 * {@code size.x} pick a level; {@code item_code} and {@code barcode} are computed);</li>
 * <li>{@code upc|ean} — the first of several that is not empty;</li>
 * <li>{@code style_name:30} — at most 30 characters;</li>
 * <li>{@code "{style_name:30} {color_code} {size_desc}"} — a template: placeholders as above, runs of spaces left
 * by empty values collapsed;</li>
 * <li>{@code 'EA'} — a constant.</li>
 * </ul>
 * A field whose source fields are all absent from the Blue Cherry payload (not just empty) is left out of the row, so
 * Cherrypick never clears a Peoplevox value Blue Cherry does not carry.
 */
public final class FieldExpression {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*(\\|[A-Za-z_][A-Za-z0-9_.]*)*(:\\d+)?");

    private final String text;
    private final String constant;
    private final boolean template;
    private final List<Object> parts; // String literals and Reference placeholders, in order

    private record Reference(List<String> names, int maxChars) {
    }

    private FieldExpression(String text, String constant, boolean template, List<Object> parts) {
        this.text = text;
        this.constant = constant;
        this.template = template;
        this.parts = parts;
    }

    /** Parses the expression of {@code pvxField}; a malformed one fails at start-up with a sentence naming the field. */
    public static FieldExpression parse(String pvxField, String expression) {
        String e = expression == null ? "" : expression.trim();
        if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) {
            return new FieldExpression(e, e.substring(1, e.length() - 1), false, List.of());
        }
        List<Object> parts = new ArrayList<>();
        if (e.contains("{")) {
            Matcher m = PLACEHOLDER.matcher(e);
            int at = 0;
            while (m.find()) {
                parts.add(e.substring(at, m.start()));
                parts.add(reference(pvxField, m.group(1).trim(), expression));
                at = m.end();
            }
            String rest = e.substring(at);
            if (rest.contains("{") || rest.contains("}") || parts.isEmpty()) {
                throw invalid(pvxField, expression, "unbalanced braces");
            }
            parts.add(rest);
            return new FieldExpression(e, null, true, parts);
        }
        parts.add(reference(pvxField, e, expression));
        return new FieldExpression(e, null, false, parts);
    }

    private static Reference reference(String pvxField, String ref, String expression) {
        if (!REFERENCE.matcher(ref).matches()) {
            throw invalid(pvxField, expression, "'" + ref + "' is not a field name, a|b alternatives or name:length");
        }
        int colon = ref.indexOf(':');
        int max = colon < 0 ? -1 : Integer.parseInt(ref.substring(colon + 1));
        String names = colon < 0 ? ref : ref.substring(0, colon);
        return new Reference(List.of(names.split("\\|")), max);
    }

    private static IllegalArgumentException invalid(String pvxField, String expression, String why) {
        return new IllegalArgumentException("cherrypick.flows.item.fields." + pvxField + " = \"" + expression
                + "\" is not a valid mapping expression: " + why);
    }

    /**
     * The value for one SKU; {@code source} gives a source field's value or null when the payload lacks it. Null when
     * every referenced field is absent (the field is then left out of the row).
     */
    public String evaluate(Function<String, String> source) {
        if (constant != null) {
            return constant;
        }
        StringBuilder out = new StringBuilder();
        boolean anyPresent = false;
        for (Object part : parts) {
            if (part instanceof Reference ref) {
                String value = null;
                for (String name : ref.names()) {
                    String v = source.apply(name);
                    if (v != null) {
                        anyPresent = true;
                        if (!v.isEmpty()) {
                            value = v;
                            break;
                        }
                        value = "";
                    }
                }
                if (value != null && ref.maxChars() >= 0 && value.length() > ref.maxChars()) {
                    value = value.substring(0, ref.maxChars()).trim();
                }
                out.append(value == null ? "" : value);
            } else {
                out.append((String) part);
            }
        }
        if (!anyPresent) {
            return null;
        }
        return template ? out.toString().replaceAll(" {2,}", " ").trim() : out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
