package io.cherrypick.store;

/** Where one received return (Peoplevox return code + item) is on its way to Blue Cherry. */
public enum ReceiptState {
    /** Booked in by Peoplevox, queued for Blue Cherry. */
    RECEIVED,
    /** Blue Cherry accepted the return receipt. */
    CONFIRMED_IN_BLUE_CHERRY,
    /** Held or refused: an exception with the receipt waits for a person (replay queues it again). */
    EXCEPTION,
    /**
     * A person resolved or discarded the receipt's exception: it is not sent to Blue Cherry (the note says who and
     * why), and no RA that arrives later matches it again. Finished.
     */
    NOT_SENT
}
