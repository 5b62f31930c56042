package io.cherrypick.peoplevox.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A return as Peoplevox reports it (the {@code Returns} event or a {@code Return summary} row): the receipt's hand-off
 * payload. {@code returnDate} is Peoplevox's date when known, else when Cherrypick received it.
 * <p>
 * The same return code and item can be booked in more than once (a second parcel, a later count). {@code unitsTo} is
 * the running total of units Peoplevox shows booked in for the return code + item up to and including this receipt;
 * the receipt's {@code quantity} is the units it adds. So a receipt is the range (unitsTo - quantity, unitsTo]: a later
 * booking is a new range, a repeat of the same one is the same range, and no unit is credited twice.
 */
public record PvxReturn(String returnCode, String itemCode, int quantity, String salesOrderNumber, String rmaNumber,
                        String reason, String condition, String site, String returnDate, String source, int unitsTo) {

    /** A receipt that is the first of its return code + item (its running total is its quantity). */
    public PvxReturn(String returnCode, String itemCode, int quantity, String salesOrderNumber, String rmaNumber,
                     String reason, String condition, String site, String returnDate, String source) {
        this(returnCode, itemCode, quantity, salesOrderNumber, rmaNumber, reason, condition, site, returnDate, source,
                quantity);
    }

    /** Business key of a receipt: the Peoplevox return code, the item and the running total of units it reaches. */
    public String key() {
        return key(returnCode, itemCode, unitsTo);
    }

    public static String key(String returnCode, String itemCode, int unitsTo) {
        return returnCode + "|" + itemCode + "|" + unitsTo;
    }

    /** This receipt as the units Peoplevox shows beyond the {@code unitsBefore} already stored. */
    public PvxReturn beyond(int unitsBefore) {
        return new PvxReturn(returnCode, itemCode, quantity - unitsBefore, salesOrderNumber, rmaNumber, reason, condition,
                site, returnDate, source, quantity);
    }

    /**
     * Reads the fields of a {@code Returns} event (as stored by the webhook or the poll). Throws
     * {@link IllegalArgumentException} naming the field when the return cannot be read.
     */
    public static PvxReturn fromEvent(Map<String, String> fields, String source, String receivedAt) {
        String code = text(fields, "ReturnCode");
        String item = text(fields, "ItemCode");
        String qty = text(fields, "Quantity");
        if (code.isEmpty() || item.isEmpty()) {
            throw new IllegalArgumentException("field " + (code.isEmpty() ? "ReturnCode" : "ItemCode") + " is empty");
        }
        int quantity;
        try {
            quantity = new java.math.BigDecimal(qty).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("return " + code + " item " + item + ": field Quantity '" + qty
                    + "' is not a whole number");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("return " + code + " item " + item + ": field Quantity " + quantity
                    + " is not positive");
        }
        String date = text(fields, "ReturnDate");
        return new PvxReturn(code, item, quantity, text(fields, "SalesOrderNumber"), text(fields, "RmaNumber"),
                text(fields, "ReturnReason"), text(fields, "ReturnCondition"), text(fields, "SiteReference"),
                date.isEmpty() ? receivedAt : date, source);
    }

    /** The fields of a {@code Returns} event, as the report poll writes them for the inbox. */
    public static Map<String, String> eventFields(String returnCode, String salesOrderNumber, String itemCode, String quantity,
                                                  String reason, String condition, String site, String rmaNumber) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ReturnCode", returnCode);
        fields.put("SalesOrderNumber", salesOrderNumber);
        fields.put("ItemCode", itemCode);
        fields.put("Quantity", quantity);
        fields.put("ReturnReason", reason);
        fields.put("ReturnCondition", condition);
        fields.put("SiteReference", site);
        fields.put("RmaNumber", rmaNumber);
        return fields;
    }

    private static String text(Map<String, String> fields, String name) {
        String v = fields.get(name);
        return v == null ? "" : v.trim();
    }
}
