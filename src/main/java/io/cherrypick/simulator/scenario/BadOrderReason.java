package io.cherrypick.simulator.scenario;

/** Why a generated pick ticket is meant to fail in the integration. */
public enum BadOrderReason {
    /** One line carries a valid UPC that is not in the catalogue (so not in Peoplevox either). */
    UNKNOWN_SKU,
    /** The pick is for a Blue Cherry location that the default location-to-site mapping does not cover. */
    UNMAPPED_LOCATION
}
