package io.cherrypick.store;

import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;

/**
 * An exception to record. {@code message} is the human sentence naming the record and the field;
 * {@code payload} is the original record as received, so nothing is lost.
 */
public record NewException(String flow, String routeId, String businessKey, Category category, Owner owner, String message,
                           String payload, String headers, Long handoffId) {

    public static NewException of(String flow, String routeId, String businessKey, Category category, String message,
                                  String payload, Long handoffId) {
        return new NewException(flow, routeId, businessKey, category, category.defaultOwner(), message, payload, null, handoffId);
    }
}
