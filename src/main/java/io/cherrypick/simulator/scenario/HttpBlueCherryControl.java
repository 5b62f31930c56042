package io.cherrypick.simulator.scenario;

import org.springframework.web.client.RestClient;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link BlueCherryControl} over HTTP against {@code <base URL>/sim/bluecherry/_control}. Each body is a JSON array
 * in the Blue Cherry API's own record shape (snake_case, child collections as {@code {"rows":[...]}}, size rows as
 * {@code {"rows-i":[...]}}), built here as ordered maps so the field names read exactly as on the wire.
 */
public class HttpBlueCherryControl implements BlueCherryControl {

    static final String CONTROL_PATH = "/sim/bluecherry/_control";

    /** Blue Cherry's date-time format ({@code last_mod}, {@code pick_date}). */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ControlHttpClient http;

    public HttpBlueCherryControl(RestClient restClient, Supplier<String> baseUrl) {
        this.http = new ControlHttpClient(restClient, baseUrl, CONTROL_PATH);
    }

    @Override
    public void createLocations(List<Location> locations) {
        http.post("/locations", locations.stream().map(HttpBlueCherryControl::location).toList());
    }

    @Override
    public void createStyles(List<CatalogueStyle> styles) {
        http.post("/styles", styles.stream().map(HttpBlueCherryControl::style).toList());
    }

    @Override
    public void createPicks(List<GeneratedPick> picks) {
        http.post("/picks", picks.stream().map(HttpBlueCherryControl::pick).toList());
    }

    @Override
    public void createReturnAuthorisations(List<ReturnAuthorisation> returnAuthorisations) {
        http.post("/return-authorisations", returnAuthorisations.stream().map(HttpBlueCherryControl::returnAuthorisation).toList());
    }

    static Map<String, Object> location(Location location) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("location", location.location());
        json.put("loc_name", location.locName());
        json.put("loc_type", location.locType());
        return json;
    }

    static Map<String, Object> style(CatalogueStyle style) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("style", style.style());
        json.put("style_name", style.styleName());
        json.put("style_desc", style.styleDesc());
        for (int i = 0; i < style.groupCodes().size(); i++) {
            json.put("group_code" + (i + 1), style.groupCodes().get(i));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("division", style.division());
        detail.put("season", style.season());
        detail.put("third_party_item", style.thirdPartyItem());
        detail.put("std_cost", style.stdCost());
        detail.put("gar_wgt", style.garWgt());
        detail.put("catg_dest1", style.catgDest1());
        detail.put("catg_dest2", style.catgDest2());
        detail.put("stylecolorsizes", Map.of("rows-i", style.skus().stream().map(HttpBlueCherryControl::colorSize).toList()));
        json.put("styledetail", rows(List.of(detail)));
        return json;
    }

    private static Map<String, Object> colorSize(CatalogueSku sku) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("color_code", sku.colorCode());
        json.put("lbl_code", sku.lblCode());
        json.put("dimension", sku.dimension());
        json.put("size_desc", sku.sizeDesc());
        json.put("upc", sku.upc());
        json.put("ean", sku.ean());
        return json;
    }

    static Map<String, Object> pick(GeneratedPick pick) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pick_num", pick.pickNum());
        json.put("ord_num", pick.ordNum());
        json.put("po_num", pick.poNum());
        json.put("altpo", pick.altpo());
        json.put("customer", pick.customer());
        json.put("division", pick.division());
        json.put("location", pick.location());
        json.put("pick_date", DATE_TIME.format(pick.pickDate()));
        json.put("end_date", DATE_TIME.format(pick.endDate()));
        json.put("ord_type", pick.ordType());
        json.put("ord_status", "O");
        json.put("shipper", pick.shipper());
        json.put("curr_code", pick.currCode());
        json.put("frgt_amt", pick.frgtAmt());
        json.put("tax_amt", pick.taxAmt());
        json.put("disc_amt", pick.discAmt());
        json.put("pickaddress", rows(List.of(address(pick.billTo()), address(pick.shipTo()))));
        json.put("pickdetail", rows(pick.lines().stream().map(HttpBlueCherryControl::pickLine).toList()));
        return json;
    }

    private static Map<String, Object> address(PickAddress address) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("addr_type", address.addrType());
        json.put("name", address.name());
        json.put("addr1", address.addr1());
        json.put("addr2", address.addr2());
        json.put("city", address.city());
        json.put("state", address.state());
        json.put("zipcode", address.zipcode());
        json.put("country", address.country());
        json.put("email", address.email());
        json.put("contact", address.contact());
        return json;
    }

    private static Map<String, Object> pickLine(PickLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line_seq", line.lineSeq());
        json.put("style", line.style());
        json.put("color_code", line.colorCode());
        json.put("org_color", line.colorCode());
        json.put("lbl_code", line.lblCode());
        json.put("dimension", line.dimension());
        json.put("size_desc", line.sizeDesc());
        json.put("upc", line.upc());
        json.put("price", line.price());
        json.put("bk_qty", line.bkQty());
        json.put("total_qty", line.bkQty());
        json.put("location", line.location());
        json.put("division", line.division());
        return json;
    }

    static Map<String, Object> returnAuthorisation(ReturnAuthorisation ra) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ra_num", ra.raNum());
        json.put("ord_num", ra.ordNum());
        json.put("pick_num", ra.pickNum());
        json.put("customer", ra.customer());
        json.put("location", ra.location());
        json.put("reason_code", ra.reasonCode());
        json.put("ra_date", DATE_TIME.format(ra.raDate().atStartOfDay()));
        json.put("radetail", rows(ra.rows().stream().map(HttpBlueCherryControl::returnLine).toList()));
        return json;
    }

    private static Map<String, Object> returnLine(ReturnAuthorisation.Line line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line_seq", line.lineSeq());
        json.put("style", line.style());
        json.put("color_code", line.colorCode());
        json.put("lbl_code", line.lblCode());
        json.put("dimension", line.dimension());
        json.put("size_desc", line.sizeDesc());
        json.put("upc", line.upc());
        json.put("ra_qty", line.raQty());
        return json;
    }

    private static Map<String, Object> rows(List<Map<String, Object>> rows) {
        return Map.of("rows", rows);
    }
}
