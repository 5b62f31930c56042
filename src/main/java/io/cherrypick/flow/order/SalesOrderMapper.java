package io.cherrypick.flow.order;

import static io.cherrypick.flow.order.SalesOrderValidator.address;
import static io.cherrypick.flow.order.SalesOrderValidator.lines;
import static io.cherrypick.flow.order.SalesOrderValidator.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.store.ValueMappingStore;

/**
 * Blue Cherry pick ticket to Peoplevox {@code Sales orders} + {@code Sales order items} rows (template field names).
 * <pre>
 * SalesOrderNumber = pick_num          CustomerPurchaseOrderReferenceNumber = po_num   Customer = customer
 * Shipping* = pickaddress ST           Invoice* = pickaddress BT                       Email/ContactName = ST email/name
 * RequestedDeliveryDate = end_date     CreatedDate = pick_date                         ShippingCost = frgt_amt
 * Discount = disc_amt                  TaxPaid = tax_amt                               TotalSale = sum(price x bk_qty)
 * ServiceType = shipper mapping        Site = location mapping                         ChannelName = configured
 * Attribute1 = ord_num                 Attribute2 = Blue Cherry revision (last_mod)    Attribute3 = altpo
 * line: ItemCode (UPC or composite), QuantityOrdered = bk_qty, Line = Sequence = line_seq, SalePrice = price
 * </pre>
 * Attribute2 lets a restarted sender see whether Peoplevox already holds this exact revision.
 */
@Component
public class SalesOrderMapper {
    public static final String REVISION_FIELD = "Attribute2";

    private final ValueMappingStore mappings;
    private final ItemCodes itemCodes;
    private final SalesOrderProperties props;

    public SalesOrderMapper(ValueMappingStore mappings, ItemCodes itemCodes, SalesOrderProperties props) {
        this.mappings = mappings;
        this.itemCodes = itemCodes;
        this.props = props;
    }

    /** A pick mapped for Peoplevox. */
    public record MappedOrder(String pickNum, String revision, String site, Map<String, String> header,
                              List<Map<String, String>> lines) {
    }

    public MappedOrder map(String pickNum, String revision, JsonNode pick) {
        JsonNode shipTo = address(pick, "ST");
        JsonNode billTo = address(pick, "BT");
        if (billTo == null) {
            billTo = shipTo;
        }
        String site = mappings.lookup(ValueMappingStore.SITE, text(pick, "location")).orElse("");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("SalesOrderNumber", pickNum);
        h.put("Customer", text(pick, "customer"));
        h.put("CustomerPurchaseOrderReferenceNumber", text(pick, "po_num"));
        putAddress(h, "Shipping", shipTo);
        putAddress(h, "Invoice", billTo);
        h.put("IsPartialShipment", "False");
        h.put("RequestedDeliveryDate", text(pick, "end_date"));
        h.put("ShippingCost", money(text(pick, "frgt_amt")));
        h.put("Email", text(shipTo, "email"));
        h.put("ContactName", text(shipTo, "name"));
        h.put("TotalSale", totalSale(pick));
        h.put("Discount", money(text(pick, "disc_amt")));
        h.put("TaxPaid", money(text(pick, "tax_amt")));
        h.put("CreatedDate", text(pick, "pick_date"));
        h.put("ServiceType", mappings.lookup(ValueMappingStore.SHIPPER, text(pick, "shipper")).orElse(""));
        h.put("ChannelName", props.channelName());
        h.put("Site", site);
        h.put("Attribute1", text(pick, "ord_num"));
        h.put(REVISION_FIELD, revision);
        h.put("Attribute3", text(pick, "altpo"));

        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode line : lines(pick)) {
            Map<String, String> l = new LinkedHashMap<>();
            l.put("SalesOrderNumber", pickNum);
            l.put("ItemCode", itemCodes.itemCode(line, text(line, "style")));
            l.put("QuantityOrdered", new BigDecimal(text(line, "bk_qty")).stripTrailingZeros().toPlainString());
            l.put("RequestedDeliveryDate", text(pick, "end_date"));
            l.put("Line", text(line, "line_seq"));
            l.put("Sequence", text(line, "line_seq"));
            l.put("SalePrice", money(text(line, "price")));
            out.add(l);
        }
        return new MappedOrder(pickNum, revision, site, h, out);
    }

    private static void putAddress(Map<String, String> h, String prefix, JsonNode a) {
        h.put(prefix + "AddressLine1", text(a, "addr1"));
        h.put(prefix + "AddressLine2", text(a, "addr2"));
        h.put(prefix + "AddressCity", text(a, "city"));
        h.put(prefix + "AddressRegion", text(a, "state"));
        h.put(prefix + "AddressPostcode", text(a, "zipcode"));
        h.put(prefix + "AddressCountry", text(a, "country"));
    }

    private static String totalSale(JsonNode pick) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : lines(pick)) {
            BigDecimal price = decimal(text(line, "price"));
            BigDecimal qty = decimal(text(line, "bk_qty"));
            total = total.add(price.multiply(qty));
        }
        return total.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String money(String value) {
        return value.isEmpty() ? "" : decimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal decimal(String value) {
        try {
            return value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
