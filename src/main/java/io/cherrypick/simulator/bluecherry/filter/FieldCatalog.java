package io.cherrypick.simulator.bluecherry.filter;

import java.util.Locale;
import java.util.Map;

/** The header fields a resource can be filtered on, with their types. Field names are case-insensitive. */
public interface FieldCatalog {

    /** The type of the field, or null when the resource has no such field. */
    FieldType typeOf(String field);

    static FieldCatalog of(Map<String, FieldType> types) {
        return field -> types.get(field.toLowerCase(Locale.ROOT));
    }
}
