package io.cherrypick.simulator.peoplevox.template;

/** A whole GetData / SaveData / report request fails; the message becomes the response Detail (ResponseId -1). */
public class RequestRejectedException extends RuntimeException {
    public RequestRejectedException(String message) {
        super(message);
    }
}
