package io.cherrypick.mapping;

/**
 * A mapping source whose message body already is a {@link MappingSource} of one type (a record a flow step prepared):
 * the mapping file names it by {@code name}.
 */
public record TypedSource(String name, Class<? extends MappingSource> type) implements MappingSourceAdapter {
    @Override
    public MappingSource adapt(Object body) {
        if (!type.isInstance(body)) {
            throw new IllegalArgumentException("mapping source " + name + " reads a " + type.getSimpleName() + ", not "
                    + (body == null ? "an empty message" : body.getClass().getSimpleName()));
        }
        return type.cast(body);
    }
}
