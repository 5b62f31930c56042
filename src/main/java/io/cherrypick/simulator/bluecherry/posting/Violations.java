package io.cherrypick.simulator.bluecherry.posting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Validation messages of one POST, in order, without repeats. */
final class Violations {
    private final Set<String> messages = new LinkedHashSet<>();

    void add(String message) {
        messages.add(message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<String> list() {
        return new ArrayList<>(messages);
    }
}
