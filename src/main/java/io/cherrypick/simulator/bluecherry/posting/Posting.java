package io.cherrypick.simulator.bluecherry.posting;

import java.util.List;
import java.util.Map;

/** A write resource: validates the posted records and, when all pass, applies them to the state. */
@FunctionalInterface
public interface Posting {
    PostOutcome post(List<Map<String, Object>> records, PostingContext ctx);
}
