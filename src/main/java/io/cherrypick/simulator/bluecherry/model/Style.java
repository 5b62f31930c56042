package io.cherrypick.simulator.bluecherry.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/** A style: header, style-detail rows (division/season level) and under each the colour × size rows with UPCs. */
public final class Style implements ServedRecord {
    private static final Set<String> HEADER_CHILDREN = Set.of("styledetail");
    private static final Set<String> DETAIL_CHILDREN = Set.of("stylecolorsizes");

    private final long pkey;
    private final String style;
    private final Map<String, Object> header;
    private final List<Detail> details;
    private final LocalDateTime lastMod;

    private record Detail(Map<String, Object> fields, List<Map<String, Object>> sizes) {
    }

    private Style(long pkey, String style, Map<String, Object> header, List<Detail> details, LocalDateTime lastMod) {
        this.pkey = pkey;
        this.style = style;
        this.header = header;
        this.details = details;
        this.lastMod = lastMod;
    }

    /** A style from control-API input; {@code pkey} is the existing one on an update. */
    public static Style create(long pkey, Map<String, ?> input, LongSupplier detailPkeys, LocalDateTime now) {
        String code = Fields.requireText(input, "style", "style record");
        Map<String, Object> header = Fields.fill(Templates.STYLE_HEADER, input, HEADER_CHILDREN);
        header.put("style", code);
        List<Detail> details = new ArrayList<>();
        for (Map<String, Object> row : ChildRows.of(input, "styledetail", "rows")) {
            long detailPkey = detailPkeys.getAsLong();
            Map<String, Object> f = Fields.fill(Templates.STYLE_DETAIL, row, DETAIL_CHILDREN);
            f.put("pkey", detailPkey);
            List<Map<String, Object>> sizes = new ArrayList<>();
            for (Map<String, Object> sizeRow : ChildRows.of(row, "stylecolorsizes", "rows-i")) {
                String name = "style " + code + " size row";
                Fields.requireText(sizeRow, "color_code", name);
                Fields.requireText(sizeRow, "size_desc", name);
                Fields.requireText(sizeRow, "upc", name);
                Map<String, Object> s = Fields.fill(Templates.STYLE_COLOR_SIZE, sizeRow, Set.of());
                s.put("fkey", detailPkey);
                sizes.add(s);
            }
            details.add(new Detail(f, sizes));
        }
        return new Style(pkey, code, header, details, now);
    }

    @Override
    public long pkey() {
        return pkey;
    }

    public String style() {
        return style;
    }

    @Override
    public LocalDateTime lastMod() {
        return lastMod;
    }

    /** Every SKU of the style with its UPC. */
    public Map<String, Sku> skusByUpc() {
        Map<String, Sku> out = new LinkedHashMap<>();
        for (Detail d : details) {
            for (Map<String, Object> s : d.sizes()) {
                Map<String, Object> withStyle = new LinkedHashMap<>(s);
                withStyle.put("style", style);
                out.put(Fields.textOrEmpty(s, "upc"), Sku.of(withStyle));
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> filterView() {
        return HeaderView.of(header, "pkey", pkey, "last_mod", lastMod);
    }

    @Override
    public Map<String, Object> headerView() {
        Map<String, Object> h = new LinkedHashMap<>(header);
        h.put("pkey", pkey);
        h.put("last_mod", Timestamps.format(lastMod));
        return h;
    }

    @Override
    public Map<String, Object> render(boolean includeChildren) {
        Map<String, Object> h = headerView();
        if (includeChildren) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Detail d : details) {
                Map<String, Object> row = new LinkedHashMap<>(d.fields());
                row.put("stylecolorsizes", ChildRows.wrap("rows-i", d.sizes()));
                rows.add(row);
            }
            h.put("styledetail", ChildRows.wrap("rows", rows));
        }
        return h;
    }
}
