package io.cherrypick.mapping;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * How a mapping reads a plain row of named values ({@code source: row}): a Peoplevox report row, an event's fields.
 * Column names with spaces are written {@code [Despatch number]} in the mapping file. A column the row does not have
 * is absent (not empty).
 */
@Component
public class RowSource implements MappingSourceAdapter {
    @Override
    public String name() {
        return "row";
    }

    @Override
    public MappingSource adapt(Object body) {
        if (!(body instanceof Map<?, ?> row)) {
            throw new IllegalArgumentException("a row mapping needs a row of named values, not "
                    + (body == null ? "an empty message" : body.getClass().getSimpleName()));
        }
        return name -> {
            Object value = row.get(name);
            return value == null ? null : value.toString();
        };
    }
}
