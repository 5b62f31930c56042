package io.cherrypick.mapping;

import java.util.List;

/**
 * What a mapping reads a record through: a value by name (a source field, a derived value, {@code header.X} for a
 * message header), and the children a repeated part is made of (e.g. a pick's lines).
 */
public interface MappingSource {
    /** The value of {@code name}: null when the record does not carry it at all (not the same as empty). */
    String value(String name);

    /** The children of a repeated part ({@code each: lines}); empty when there are none. */
    default List<? extends MappingSource> each(String collection) {
        throw new IllegalArgumentException("this record has no repeated part '" + collection + "'");
    }
}
