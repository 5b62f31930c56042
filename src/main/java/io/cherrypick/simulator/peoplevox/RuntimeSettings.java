package io.cherrypick.simulator.peoplevox;

import java.util.concurrent.atomic.AtomicReference;

/** Holds the current {@link SimulatorSettings}; reset goes back to the start-up configuration. */
public final class RuntimeSettings {
    private final SimulatorSettings initial;
    private final AtomicReference<SimulatorSettings> current;

    public RuntimeSettings(SimulatorSettings initial) {
        this.initial = initial;
        this.current = new AtomicReference<>(initial);
    }

    public SimulatorSettings current() {
        return current.get();
    }

    public void set(SimulatorSettings settings) {
        current.set(settings);
    }

    public void reset() {
        current.set(initial);
    }
}
