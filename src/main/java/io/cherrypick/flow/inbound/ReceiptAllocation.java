package io.cherrypick.flow.inbound;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.cherrypick.mapping.MappingSource;
import io.cherrypick.store.PurchaseOrderStore.GoodsLine;
import io.cherrypick.store.PurchaseOrderStore.Line;

/**
 * A goods-in line matched to its purchase order lines, as routes/mappings/production-receipt.yaml reads it
 * ({@code source: goods-receipt}):
 * <ul>
 * <li>per credit ({@code each: credits}, one per purchase order line the units go to): {@code prod_num},
 * {@code prod_line}, {@code style}, {@code color_code}, {@code lbl_code}, {@code dimension}, {@code size_desc},
 * {@code upc}, {@code ean}, {@code quantity} (the units credited to that line);</li>
 * <li>the delivery's: {@code location} (the Blue Cherry location of the Peoplevox site the goods were booked in at, mapping site; the
 * purchase order's own when it is one of them), {@code receipt_date} (Peoplevox's
 * reconciled date as Peoplevox wrote it: the mapping converts it with blueCherryDate), {@code isa_num} (the line's document number, nine digits, the same for every resend),
 * {@code over_recv_ok} (Y when the line takes more than ordered, within the tolerance), {@code reference} (the goods-in
 * reference), {@code item_code}, {@code site}.</li>
 * </ul>
 */
public record ReceiptAllocation(GoodsLine received, long documentNumber, String location, String receiptDate, List<Credit> credits,
                                boolean overReceipt) implements MappingSource {
    static final Set<String> NAMES = new TreeSet<>(Set.of("prod_num", "prod_line", "style", "color_code", "lbl_code",
            "dimension", "size_desc", "upc", "quantity", "location", "receipt_date", "isa_num", "over_recv_ok",
            "reference", "item_code", "site"));

    /** Units of the goods-in line credited to one purchase order line. */
    public record Credit(Line line, int quantity) {
    }

    /** The document number Blue Cherry sees (isa_num): nine digits of the line's number from the allocator. */
    public String isaNum() {
        return String.format("%09d", documentNumber % 1_000_000_000L);
    }

    /** "Delivery GI000001 (5 x item X, purchase order P)" for sentences. */
    public String describe() {
        return "Delivery " + received.reference() + " (" + received.quantity() + " x " + received.itemCode()
                + ", purchase order " + received.prodNum() + ")";
    }

    @Override
    public String value(String name) {
        return switch (name) {
            case "location" -> location;
            case "receipt_date" -> receiptDate;
            case "isa_num" -> isaNum();
            case "over_recv_ok" -> overReceipt ? "Y" : "N";
            case "reference" -> received.reference();
            case "item_code" -> received.itemCode();
            case "site" -> received.site() == null ? "" : received.site();
            case "prod_num" -> received.prodNum();
            case "prod_line", "style", "color_code", "lbl_code", "dimension", "size_desc", "upc", "quantity" ->
                    throw new IllegalArgumentException("'" + name + "' is a value of a credited purchase order line: use it"
                            + " in a part with each: credits");
            default -> throw new IllegalArgumentException("'" + name + "' is not a value of a goods receipt; the names are "
                    + NAMES);
        };
    }

    @Override
    public List<? extends MappingSource> each(String collection) {
        if (!"credits".equals(collection)) {
            throw new IllegalArgumentException("a goods receipt has no repeated part '" + collection + "' (it has credits)");
        }
        return credits.stream().map(c -> (MappingSource) name -> switch (name) {
            case "prod_num" -> c.line().prodNum();
            case "prod_line" -> c.line().prodLine();
            case "style" -> c.line().style();
            case "color_code" -> c.line().colorCode();
            case "lbl_code" -> c.line().lblCode();
            case "dimension" -> c.line().dimension();
            case "size_desc" -> c.line().sizeDesc();
            case "upc" -> c.line().upc();
            case "quantity" -> Integer.toString(c.quantity());
            default -> value(name);
        }).toList();
    }
}
