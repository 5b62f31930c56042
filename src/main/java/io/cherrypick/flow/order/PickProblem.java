package io.cherrypick.flow.order;

import io.cherrypick.failure.Category;

/** One reason a pick cannot go to Peoplevox, as a sentence naming the pick, the line and the field. */
public record PickProblem(Category category, String message) {
}
