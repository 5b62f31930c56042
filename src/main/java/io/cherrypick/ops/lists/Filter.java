package io.cherrypick.ops.lists;

import java.util.List;

/**
 * A filter of a console list: the request parameter, its label, and either the constants it may take (shown in plain
 * words from the group {@code words}) or, with none, free text.
 */
public record Filter(String name, String label, String words, List<String> choices) {
    public static final String YES = "yes";
    public static final String NO = "no";

    public static Filter text(String name, String label) {
        return new Filter(name, label, null, List.of());
    }

    public static Filter choice(String name, String label, String words, List<String> choices) {
        return new Filter(name, label, words, List.copyOf(choices));
    }

    /** A yes / no filter. */
    public static Filter yesNo(String name, String label) {
        return new Filter(name, label, null, List.of(YES, NO));
    }

    /** Refuses a value that is not one of the choices, naming the filter. */
    public void check(String value) {
        if (!choices.isEmpty() && !choices.contains(value)) {
            throw new IllegalArgumentException("filter " + name + ": '" + value + "' is not one of " + String.join(", ", choices));
        }
    }
}
