package io.cherrypick.flow.returns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.bluecherry.model.AuthorisationReader;
import io.cherrypick.bluecherry.model.AuthorisedLine;
import io.cherrypick.mapping.MappingSource;

/**
 * A Blue Cherry RA ready for Peoplevox, as the mapping {@code routes/mappings/expected-return.yaml} reads it
 * ({@code source: return-authorisation}): one item per Peoplevox ItemCode (RA lines of the same item added up, since
 * Peoplevox keys expected returns by RMA number + item), with the pick and site the RA resolved to.
 * <ul>
 * <li>RA fields: {@code ra_num}, {@code ord_num}, {@code customer}, {@code location}, {@code reason_code},
 * {@code ra_date}; {@code pick_num}: the pick the RA is for; {@code site}: the Peoplevox site it comes back to;</li>
 * <li>per item: {@code item_code}, {@code quantity} (the item's units), {@code upc}, {@code style}, {@code color_code},
 * {@code size_desc} (of its first line), {@code comments} ("Blue Cherry RA x, order y, customer z").</li>
 * </ul>
 * Any other name is a mistake in the mapping file, and fails naming it.
 */
public record ExpectedReturn(JsonNode ra, List<AuthorisedLine> lines, String pickNum, String site) implements MappingSource {
    static final Set<String> NAMES = Set.of("ra_num", "ord_num", "pick_num", "customer", "location", "reason_code",
            "ra_date", "site", "item_code", "quantity", "upc", "style", "color_code", "size_desc", "comments");

    @Override
    public String value(String name) {
        return switch (name) {
            case "pick_num" -> pickNum;
            case "site" -> site;
            case "ra_num", "ord_num", "customer", "location", "reason_code", "ra_date" -> AuthorisationReader.text(ra, name);
            case "comments" -> "Blue Cherry RA " + AuthorisationReader.text(ra, "ra_num")
                    + (AuthorisationReader.text(ra, "ord_num").isEmpty() ? "" : ", order " + AuthorisationReader.text(ra, "ord_num"))
                    + (AuthorisationReader.text(ra, "customer").isEmpty() ? "" : ", customer " + AuthorisationReader.text(ra, "customer"));
            case "item_code", "quantity", "upc", "style", "color_code", "size_desc" -> throw new IllegalArgumentException(
                    "'" + name + "' is a value of an RA item: use it in a part with each: items");
            default -> throw unknown(name);
        };
    }

    @Override
    public List<? extends MappingSource> each(String collection) {
        if (!"items".equals(collection)) {
            throw new IllegalArgumentException("a return authorisation has no repeated part '" + collection + "' (it has items)");
        }
        Map<String, List<AuthorisedLine>> byItem = new LinkedHashMap<>();
        lines.forEach(l -> byItem.computeIfAbsent(l.itemCode(), k -> new ArrayList<>()).add(l));
        List<MappingSource> items = new ArrayList<>();
        byItem.forEach((itemCode, itemLines) -> {
            AuthorisedLine first = itemLines.get(0);
            int units = itemLines.stream().mapToInt(AuthorisedLine::raQty).sum();
            items.add(name -> switch (name) {
                case "item_code" -> itemCode;
                case "quantity" -> Integer.toString(units);
                case "upc" -> first.upc();
                case "style" -> first.style();
                case "color_code" -> first.colorCode();
                case "size_desc" -> first.sizeDesc();
                default -> value(name);
            });
        });
        return items;
    }

    static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("'" + name + "' is not a value of a return authorisation; the names are "
                + new java.util.TreeSet<>(NAMES));
    }
}
