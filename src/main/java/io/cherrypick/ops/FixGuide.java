package io.cherrypick.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.despatch.DespatchFlow;
import io.cherrypick.flow.returns.ReturnsFlow;
import io.cherrypick.flow.stock.ChannelRules;
import io.cherrypick.ops.words.PlainWords;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ValueMappingStore;

import static io.cherrypick.ops.search.StoreSearches.encode;

/**
 * The guided fix of one exception: its category's meaning, owner, usual fix and when to replay ({@link PlainWords}),
 * and links to what to look at or change: the record, the mapping the message names (with the value to add), the item
 * it names, the other open exceptions of the same problem.
 */
@Component
public class FixGuide {
    private static final List<String> MAPPING_KINDS = List.of(ValueMappingStore.SITE, ValueMappingStore.SHIPPER,
            DespatchFlow.CARRIER_MAPPING, ReturnsFlow.DISPOSITION_MAPPING, ReturnsFlow.REASON_MAPPING, ChannelRules.BUFFER_KIND);
    /** "mappings 'site'", "mapping return-reason", "/api/mappings/carrier", "site mapping", "carrier mapping". */
    private static final Pattern MAPPING_KIND = Pattern.compile("(?:mappings? '?|/api/mappings/)([a-z-]+)|\\b([a-z-]+)(?= mapping\\b)");
    /** The value a mapping lacks: "location 'MIA' has no ...", "reason 'R' is not in mapping ...". */
    private static final Pattern MAPPING_SOURCE = Pattern.compile("'([^']+)'\\)? (?:has no|is not in)");
    private static final Pattern ITEM = Pattern.compile("\\bitem ([^\\s:;,()']+)");

    public record Link(String label, String href) {
    }

    public record Fix(PlainWords.Guide guide, List<Link> links) {
    }

    public Fix of(ExceptionRecord e) {
        List<Link> links = new ArrayList<>();
        recordLink(e).ifPresent(links::add);
        String message = e.message() == null ? "" : e.message();
        String kind = mappingKind(message);
        if (kind != null) {
            Matcher source = MAPPING_SOURCE.matcher(message);
            String value = source.find() ? source.group(1) : null;
            links.add(new Link(value == null ? "Mapping " + kind : "Mapping " + kind + ": add " + value,
                    "#/mappings/" + encode(kind) + (value == null ? "" : "?source=" + encode(value))));
        }
        if (e.category() == Category.SKU_MISMATCH || e.category() == Category.DUPLICATE_BARCODE
                || e.category() == Category.DRIFT) {
            Matcher item = ITEM.matcher(message);
            String code = item.find() ? item.group(1) : "item".equals(e.flow()) ? e.businessKey() : null;
            if (code != null) {
                links.add(new Link("Item " + code + ": its exceptions in the item flow",
                        "#/exceptions?flow=item&key=" + encode(code)));
            }
        }
        if (e.category() == Category.API_TIMEOUT || e.category() == Category.API_ERROR
                || e.category() == Category.RATE_LIMITED || e.category() == Category.AUTH) {
            links.add(new Link("Peoplevox calls and the flows' backlog (overview)", "#/"));
        }
        links.add(new Link("Every open exception of this problem",
                "#/exceptions?status=OPEN&category=" + e.category().name()));
        return new Fix(PlainWords.guide(e.category()), links);
    }

    private static java.util.Optional<Link> recordLink(ExceptionRecord e) {
        String key = e.businessKey();
        if (key == null || key.startsWith("schedule:")) {
            return java.util.Optional.of(new Link("The flows (overview)", "#/"));
        }
        return java.util.Optional.of(switch (e.flow()) {
            case "sales-order", "sales-order-change" -> new Link("Where is pick " + key + "?", "#/orders/" + encode(key));
            case "return-authorisation" -> new Link("Where is return " + key + "?", "#/returns/" + encode(key));
            case "return-receipt" -> {
                String code = key.contains("|") ? key.substring(0, key.indexOf('|')) : key;
                yield new Link("Find return " + code, "#/search?q=" + encode(code));
            }
            case "item" -> new Link("Item " + key + ": its exceptions", "#/exceptions?flow=item&key=" + encode(key));
            default -> new Link("Find " + key, "#/search?q=" + encode(key));
        });
    }

    private static String mappingKind(String message) {
        Matcher m = MAPPING_KIND.matcher(message);
        while (m.find()) {
            String kind = m.group(1) != null ? m.group(1) : m.group(2);
            if (MAPPING_KINDS.contains(kind)) {
                return kind;
            }
        }
        return null;
    }
}
