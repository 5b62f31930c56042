package io.cherrypick.failure;

/**
 * One reason a record cannot go on: its category and a sentence naming the record and the field (for example "Pick
 * P1 line 2: bk_qty '0' must be a positive whole number").
 */
public record Problem(Category category, String message) {
}
