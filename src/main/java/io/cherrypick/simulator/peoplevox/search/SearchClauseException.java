package io.cherrypick.simulator.peoplevox.search;

/** A search clause or event filter that cannot be parsed or evaluated; the message is shown to the API caller. */
public class SearchClauseException extends RuntimeException {
    public SearchClauseException(String message) {
        super(message);
    }
}
