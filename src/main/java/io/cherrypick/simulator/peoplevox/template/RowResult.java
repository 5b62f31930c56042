package io.cherrypick.simulator.peoplevox.template;

/**
 * The outcome of one SaveData row: its number (1-based, header not counted), its Statuses reference (the row's
 * key value) and the error, or null when the row was saved.
 */
public record RowResult(int rowNumber, String reference, String error) {

    public static RowResult saved(ParsedRow row) {
        return new RowResult(row.number(), row.reference(), null);
    }

    public static RowResult failed(ParsedRow row, String error) {
        return new RowResult(row.number(), row.reference(), error);
    }

    public boolean success() {
        return error == null;
    }

    /** The line in Detail, e.g. {@code Row 3 (SO-1002): ItemCode 'X' does not exist}. */
    public String detailLine() {
        return "Row " + rowNumber + (reference == null || reference.isEmpty() ? "" : " (" + reference + ")") + ": "
                + error;
    }
}
