package io.cherrypick.bluecherry;

/** Message headers of the {@code bluecherry:} component. */
public final class BlueCherry {
    /** The resource a record was read from, e.g. pick. */
    public static final String RESOURCE = "BlueCherryResource";
    /** The record's Blue Cherry pkey (consumer), or the pkey Blue Cherry assigned to a POST (producer). */
    public static final String PKEY = "BlueCherryPkey";
    /** After a refused post: Blue Cherry's own words (its messages joined by "; "), set by {@link BlueCherryDocuments#refusal}. */
    public static final String REFUSAL = "BlueCherryRefusal";
    /** get: the $filter expression (overrides the endpoint's). */
    public static final String FILTER = "BlueCherryFilter";

    private BlueCherry() {
    }
}
