package io.cherrypick.simulator.bluecherry;

/** A control-API call names a record the simulator does not hold (answered with 404). */
public class UnknownRecordException extends RuntimeException {
    public UnknownRecordException(String message) {
        super(message);
    }
}
