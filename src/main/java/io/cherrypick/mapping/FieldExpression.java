package io.cherrypick.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field's expression in a mapping file:
 * <ul>
 * <li>{@code pick_num} — a source field; {@code ship_to.city} a named path; {@code header.X} a message header;</li>
 * <li>{@code [Despatch number]} — a source field whose name has spaces or other signs (a Peoplevox report column),
 * written as Peoplevox writes columns in its search clauses;</li>
 * <li>{@code upc|ean} — the first of several that is not empty;</li>
 * <li>{@code style_name:30} — at most 30 characters;</li>
 * <li>{@code 'EA'} — a constant;</li>
 * <li>{@code "{style_name:30} {color_code} {size_desc}"} — a template: placeholders are expressions, runs of spaces
 * left by empty values collapse;</li>
 * <li>{@code money(frgt_amt)}, {@code lookup('site', location)}, {@code peoplevoxTime(pick_date)} — a function
 * ({@link MappingFunctions}).</li>
 * </ul>
 * A field whose sources are all absent from the record (not just empty) evaluates to null and is left out of the row
 * when its part says {@code absent: omit}, so Cherrypick never clears a target value the source does not carry.
 */
public final class FieldExpression {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*(\\|[A-Za-z_][A-Za-z0-9_.]*)*(:\\d+)?");
    private static final Pattern COLUMN = Pattern.compile("\\[([^\\[\\]]+)]");
    private static final Pattern CALL = Pattern.compile("([a-z][A-Za-z]*)\\s*\\((.*)\\)", Pattern.DOTALL);
    private static final Map<String, Integer> ARITY = Map.ofEntries(Map.entry("money", 1), Map.entry("number", 1),
            Map.entry("upper", 1), Map.entry("lower", 1), Map.entry("trim", 1), Map.entry("default", 2),
            Map.entry("lookup", 2), Map.entry("peoplevoxTime", 1), Map.entry("peoplevoxDate", 1),
            Map.entry("blueCherryDate", 1), Map.entry("blueCherryWeight", 1), Map.entry("peoplevoxWeight", 1),
            Map.entry("blueCherryVolume", 1), Map.entry("peoplevoxVolume", 1));

    private final String text;
    private final Node root;

    private FieldExpression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** Parses an expression; a malformed one fails with a sentence naming {@code where} (mapping, part and field). */
    public static FieldExpression parse(String where, String expression) {
        String e = expression == null ? "" : expression.trim();
        try {
            return new FieldExpression(e, node(e));
        } catch (IllegalArgumentException why) {
            throw new IllegalArgumentException(where + " = \"" + expression + "\" is not a valid mapping expression: "
                    + why.getMessage(), why);
        }
    }

    /** The field's value for a record; null when every source it refers to is absent. */
    public String evaluate(MappingSource source, MappingFunctions functions) {
        return root.eval(source, functions);
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        String eval(MappingSource source, MappingFunctions functions);
    }

    private record Constant(String value) implements Node {
        public String eval(MappingSource source, MappingFunctions functions) {
            return value;
        }
    }

    private record Reference(List<String> names, int maxChars) implements Node {
        public String eval(MappingSource source, MappingFunctions functions) {
            String value = null;
            for (String name : names) {
                String v = source.value(name);
                if (v != null) {
                    if (!v.isEmpty()) {
                        value = v;
                        break;
                    }
                    value = "";
                }
            }
            if (value != null && maxChars >= 0 && value.length() > maxChars) {
                value = value.substring(0, maxChars).trim();
            }
            return value;
        }
    }

    private record Call(String function, List<Node> args) implements Node {
        public String eval(MappingSource source, MappingFunctions functions) {
            List<String> values = new ArrayList<>(args.size());
            args.forEach(a -> values.add(a.eval(source, functions)));
            return functions.call(function, values);
        }
    }

    private record Template(List<Object> parts) implements Node {
        public String eval(MappingSource source, MappingFunctions functions) {
            StringBuilder out = new StringBuilder();
            boolean anyPresent = false;
            for (Object part : parts) {
                if (part instanceof Node node) {
                    String v = node.eval(source, functions);
                    anyPresent |= v != null;
                    out.append(v == null ? "" : v);
                } else {
                    out.append((String) part);
                }
            }
            return anyPresent ? out.toString().replaceAll(" {2,}", " ").trim() : null;
        }
    }

    private static Node node(String e) {
        if (e.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'") && e.indexOf('\'', 1) == e.length() - 1) {
            return new Constant(e.substring(1, e.length() - 1));
        }
        Matcher column = COLUMN.matcher(e);
        if (column.matches()) {
            return new Reference(List.of(column.group(1).trim()), -1);
        }
        Matcher call = CALL.matcher(e);
        if (call.matches() && !e.contains("{")) {
            String function = call.group(1);
            Integer arity = ARITY.get(function);
            if (arity == null) {
                throw new IllegalArgumentException("unknown function " + function + "(); functions are "
                        + MappingFunctions.NAMES);
            }
            List<Node> args = splitArguments(call.group(2)).stream().map(FieldExpression::node).toList();
            if (args.size() != arity) {
                throw new IllegalArgumentException(function + "() takes " + arity + " argument(s), not " + args.size());
            }
            return new Call(function, args);
        }
        if (e.contains("{") || e.contains("}")) {
            List<Object> parts = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(e);
            int at = 0;
            while (m.find()) {
                parts.add(e.substring(at, m.start()));
                parts.add(node(m.group(1).trim()));
                at = m.end();
            }
            String rest = e.substring(at);
            if (rest.contains("{") || rest.contains("}") || parts.isEmpty()) {
                throw new IllegalArgumentException("unbalanced braces");
            }
            parts.add(rest);
            return new Template(parts);
        }
        if (!REFERENCE.matcher(e).matches()) {
            throw new IllegalArgumentException("'" + e + "' is not a field name, a|b alternatives, name:length, a 'constant'"
                    + " or a function call");
        }
        int colon = e.indexOf(':');
        int max = colon < 0 ? -1 : Integer.parseInt(e.substring(colon + 1));
        String names = colon < 0 ? e : e.substring(0, colon);
        return new Reference(List.of(names.split("\\|")), max);
    }

    /** Splits a call's arguments on top-level commas (not inside quotes or parentheses). */
    private static List<String> splitArguments(String args) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(args.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (quoted || depth != 0) {
            throw new IllegalArgumentException("unbalanced quotes or parentheses in the arguments");
        }
        String last = args.substring(start).trim();
        if (!last.isEmpty() || !out.isEmpty()) {
            out.add(last);
        }
        return out;
    }
}
