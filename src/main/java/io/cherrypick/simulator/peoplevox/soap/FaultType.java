package io.cherrypick.simulator.peoplevox.soap;

/**
 * Injectable faults (common fault contract). The first eight answer instead of the operation (or delay it); the data
 * faults ({@link #isDataFault}) let the operation run and spoil its answer's Detail CSV, as a report or page that came
 * back damaged.
 */
public enum FaultType {
    LATENCY, TIMEOUT, HTTP_5XX, SOAP_FAULT, HTML, SESSION_EXPIRED, MALFORMED, RATE_LIMIT,
    /** the Detail keeps the first half of its rows; TotalCount still counts them all */
    CUT_SHORT,
    /** quantities of 1,000 and more in the Detail are written with thousands separators ("1,234") */
    THOUSANDS_SEPARATORS,
    /** the Detail's column {@code column} is headed {@code renamedTo} */
    RENAMED_COLUMN,
    /** the Detail's middle data row has one cell more than its header (as an unescaped comma would make it) */
    EXTRA_CELL,
    /** the Detail starts with a UTF-8 byte-order mark (U+FEFF), as a file saved by a spreadsheet does */
    BYTE_ORDER_MARK;

    public boolean isDataFault() {
        return this == CUT_SHORT || this == THOUSANDS_SEPARATORS || this == RENAMED_COLUMN || this == EXTRA_CELL
                || this == BYTE_ORDER_MARK;
    }
}
