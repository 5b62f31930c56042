package io.cherrypick.flow.order;

import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.bluecherry.model.PickLine;
import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.mapping.MappingSource;
import io.cherrypick.mapping.MappingSourceAdapter;

/**
 * How a mapping reads a pick ({@code source: pick} in routes/mappings): the pick's fields by name, {@code ship_to.x}
 * and {@code bill_to.x} (its addresses), {@code total_sale}; per line the line's fields, {@code item_code} (by the
 * configured ItemCode strategy) and {@code pick.x}.
 */
@Component
public class PickSource implements MappingSourceAdapter {
    private final ItemCodes itemCodes;
    private final ObjectMapper json;

    public PickSource(ItemCodes itemCodes, ObjectMapper json) {
        this.itemCodes = itemCodes;
        this.json = json;
    }

    @Override
    public String name() {
        return "pick";
    }

    @Override
    public MappingSource adapt(Object body) {
        return of(body instanceof Pick pick ? pick : read(body));
    }

    private Pick read(Object body) {
        try {
            return Pick.of(body instanceof String text ? json.readTree(text) : json.valueToTree(body));
        } catch (Exception e) {
            throw new IllegalArgumentException("the message is not a Blue Cherry pick: " + e.getMessage(), e);
        }
    }

    MappingSource of(Pick pick) {
        return new MappingSource() {
            @Override
            public String value(String name) {
                if (name.startsWith("ship_to.")) {
                    return pick.shipTo().map(a -> a.field(name.substring(8))).orElse(null);
                }
                if (name.startsWith("bill_to.")) {
                    return pick.billTo().map(a -> a.field(name.substring(8))).orElse(null);
                }
                if (name.equals("total_sale")) {
                    return pick.totalSale().toPlainString();
                }
                return pick.field(name);
            }

            @Override
            public List<? extends MappingSource> each(String collection) {
                if (!"lines".equals(collection)) {
                    throw new IllegalArgumentException("a pick has no repeated part '" + collection + "' (it has lines)");
                }
                return pick.getLines().stream().map(line -> line(line)).toList();
            }
        };
    }

    private MappingSource line(PickLine line) {
        return name -> {
            if (name.equals("item_code")) {
                return itemCodes.itemCode(line.json(), line.getStyle());
            }
            if (name.startsWith("pick.")) {
                return line.pick().field(name.substring(5));
            }
            return line.field(name);
        };
    }

    /** The Peoplevox ItemCode of a pick line, as the mapping computes it. */
    public String itemCode(PickLine line) {
        return itemCodes.itemCode(line.json(), line.getStyle());
    }
}
