package io.cherrypick.simulator.bluecherry.filter;

/** A {@code $filter} that cannot be parsed or does not fit the resource; the message is the detail shown to the caller. */
public class FilterException extends RuntimeException {
    public FilterException(String detail) {
        super(detail);
    }
}
