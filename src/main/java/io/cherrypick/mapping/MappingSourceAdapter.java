package io.cherrypick.mapping;

/**
 * Reads a message body of one kind as a {@link MappingSource}, with the values derived from it (a spring bean; the
 * mapping file names it with {@code source:}).
 */
public interface MappingSourceAdapter {
    /** The name a mapping file's {@code source:} uses, e.g. pick. */
    String name();

    /** The body as a mapping source; fails with a sentence naming the record when the body is not of this kind. */
    MappingSource adapt(Object body);

    /**
     * The settings, besides the record and the mapping file, that decide what this source gives (e.g. how an ItemCode
     * is made); part of {@link Mappings#fingerprint}.
     */
    default String settings() {
        return "";
    }
}
