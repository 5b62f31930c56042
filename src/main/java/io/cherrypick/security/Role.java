package io.cherrypick.security;

/**
 * What a person may do. Everyone signed in sees the overview, orders, stuck orders, exceptions, stock levels, mappings
 * and alerts; the roles add the rest.
 */
public enum Role {
    /** Support: replay, resolve and discard exceptions; read the audit log. */
    SUPPORT,
    /** Customer service: reads only (where is this order, stuck orders). */
    CX,
    /** Finance: the reconciliation reports, a stock reconciliation run, the audit log. */
    FINANCE,
    /** Integrators and admins: all of the above, mappings, the full stock overlay, the actuator. */
    ADMIN
}
