package io.cherrypick.peoplevox.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A return as Peoplevox reports it (the {@code Returns} event or a {@code Return summary} row): the receipt's hand-off
 * payload. {@code returnDate} is Peoplevox's date when known, else when Cherrypick received it.
 */
public record PvxReturn(String returnCode, String itemCode, int quantity, String salesOrderNumber, String rmaNumber,
                        String reason, String condition, String site, String returnDate, String source) {

    /** Business key of a receipt: the Peoplevox return code and the item. */
    public String key() {
        return key(returnCode, itemCode);
    }

    public static String key(String returnCode, String itemCode) {
        return returnCode + "|" + itemCode;
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
