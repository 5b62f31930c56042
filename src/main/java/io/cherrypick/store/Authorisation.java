package io.cherrypick.store;

import java.time.Instant;

/** A Blue Cherry return authorisation as Cherrypick holds it ({@code return_authorisation}). */
public record Authorisation(String raNum, String ordNum, String pickNum, String customer, String location, String reasonCode,
                            String raDate, String bcStatus, String revision, String fingerprint, ReturnState state,
                            boolean exceptionOpen, String note, Instant authorisedAt, Instant expectedAt, Instant receivedAt,
                            Instant confirmedAt, Instant updatedAt) {
}
