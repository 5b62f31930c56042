package io.cherrypick.simulator.bluecherry.filter;

/** How a field's values compare in a {@code $filter}. */
public enum FieldType {
    /** {@code 'YYYY-MM-DD HH:MM:SS'} values, compared in time order. */
    DATETIME,
    /** Numbers, compared numerically. */
    NUMBER,
    /** Text, compared case-insensitively (numbers on both sides still compare numerically). */
    TEXT
}
