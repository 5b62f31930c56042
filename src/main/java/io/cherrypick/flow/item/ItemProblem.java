package io.cherrypick.flow.item;

import io.cherrypick.failure.Category;

/** Why one SKU (or a whole style) cannot go to Peoplevox: a sentence naming style, colour, size and field. */
public record ItemProblem(Category category, String message) {
}
