package io.cherrypick.flow.returns;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cherrypick.bluecherry.model.AuthorisedLine;
import io.cherrypick.mapping.MappingSource;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.peoplevox.model.PvxReturn;
import io.cherrypick.store.ReturnStore.LineKey;

/**
 * A received return matched to its RA lines, as the mapping {@code routes/mappings/return-receipt.yaml} reads it
 * ({@code source: return-receipt}): one credit per RA line it is credited to ({@code each: credits}).
 * <ul>
 * <li>per credit: the RA line's {@code ra_num}, {@code line_seq}, {@code style}, {@code color_code}, {@code lbl_code},
 * {@code dimension}, {@code size_desc}, {@code upc}; {@code quantity}: the units credited to it;</li>
 * <li>the return's: {@code return_code}, {@code item_code}, {@code location} (the Blue Cherry location of the Peoplevox
 * site it came back to, else the RA's), {@code reason_code} (mapping return-reason of Peoplevox's reason, else the
 * RA's), {@code disposition} (mapping return-disposition of its condition, else the default), {@code receipt_date}
 * (Peoplevox's return date as Peoplevox wrote it, else now:
 * the mapping converts it with blueCherryDate).</li>
 * </ul>
 */
public record ReceiptCredit(PvxReturn received, Map<LineKey, Integer> credits, List<AuthorisedLine> lines,
                            String location, String reasonCode, String disposition) implements MappingSource {

    @Override
    public String value(String name) {
        return switch (name) {
            case "return_code" -> received.returnCode();
            case "item_code" -> received.itemCode();
            case "location" -> location;
            case "reason_code" -> reasonCode;
            case "disposition" -> disposition;
            case "receipt_date" -> PeoplevoxDates.parse(received.returnDate()).isPresent() ? received.returnDate()
                    : Instant.now().toString();
            default -> throw new IllegalArgumentException("'" + name + "' is not a value of a return receipt (names:"
                    + " return_code, item_code, location, reason_code, disposition, receipt_date; per credit: ra_num,"
                    + " line_seq, style, color_code, lbl_code, dimension, size_desc, upc, quantity)");
        };
    }

    @Override
    public List<? extends MappingSource> each(String collection) {
        if (!"credits".equals(collection)) {
            throw new IllegalArgumentException("a return receipt has no repeated part '" + collection + "' (it has credits)");
        }
        return credits.entrySet().stream().map(credit -> {
            AuthorisedLine line = lines.stream().filter(l -> l.raNum().equals(credit.getKey().raNum())
                    && l.lineSeq() == credit.getKey().lineSeq()).findFirst().orElseThrow();
            MappingSource one = name -> switch (name) {
                case "ra_num" -> line.raNum();
                case "line_seq" -> Integer.toString(line.lineSeq());
                case "style" -> line.style();
                case "color_code" -> line.colorCode();
                case "lbl_code" -> line.lblCode();
                case "dimension" -> line.dimension();
                case "size_desc" -> line.sizeDesc();
                case "upc" -> line.upc();
                case "quantity" -> Integer.toString(credit.getValue());
                default -> value(name);
            };
            return one;
        }).toList();
    }

    /** The RAs credited, in order. */
    List<String> raNums() {
        return credits.keySet().stream().map(LineKey::raNum).distinct().toList();
    }

    /** "Return R item I (RA x, sales order y)". */
    String describe() {
        return "Return " + received.returnCode() + " item " + received.itemCode() + " (RA " + String.join(", ", raNums())
                + (received.salesOrderNumber().isEmpty() ? "" : ", sales order " + received.salesOrderNumber()) + ")";
    }
}
