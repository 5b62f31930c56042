package io.cherrypick.failure;

/** The team that acts on an exception. */
public enum Owner {
    SUPPORT, WAREHOUSE, FINANCE, CX, DATA, PURCHASING
}
