package io.cherrypick.simulator.scenario;

/** A call to a simulator's control API failed; the message names the call and what came back. */
public class ControlCallException extends RuntimeException {

    public ControlCallException(String message) {
        super(message);
    }

    public ControlCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
