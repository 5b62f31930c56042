package io.cherrypick.simulator.peoplevox.soap;

/**
 * An injected fault as the control API shows it.
 *
 * @param operation SOAP operation name, or "*" for every call
 * @param count     remaining calls it applies to (null when rate-based)
 * @param rate      share of calls it applies to, 0.0-1.0 (null when count-based)
 * @param column    RENAMED_COLUMN: the Detail column renamed
 * @param renamedTo RENAMED_COLUMN: its new heading
 */
public record Fault(long id, String operation, FaultType type, Integer count, Double rate, Long delayMs,
        Integer status, String column, String renamedTo) {
}
