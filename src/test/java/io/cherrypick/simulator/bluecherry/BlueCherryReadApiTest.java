package io.cherrypick.simulator.bluecherry;

import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.map;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.pick;
import static io.cherrypick.simulator.bluecherry.BlueCherryHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.bluecherry.BlueCherryProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BlueCherryReadApiTest {
    @LocalServerPort
    int port;
    BlueCherryHttp http;

    @BeforeEach
    void reset() {
        http = new BlueCherryHttp(port);
        http.control("POST", "/reset");
    }

    private List<String> pickNums(BlueCherryHttp.Response r) {
        List<String> out = new ArrayList<>();
        r.json().path("data").path("header").forEach(h -> out.add(h.path("pick_num").asText()));
        return out;
    }

    private void freeze(String at) {
        http.control("POST", "/clock", Map.of("freeze", at));
    }

    private void advance(int seconds) {
        http.control("POST", "/clock", Map.of("advanceSeconds", seconds));
    }

    @Test
    void missingSubscriptionKeyIsRefusedLikeApim() {
        BlueCherryHttp.Response r = http.getWithKey("pick", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"statusCode\":401,\"message\":\"Access denied due to missing subscription key."
                + " Make sure to include subscription key when making requests to an API.\"}");
    }

    @Test
    void unknownSubscriptionKeyIsRefusedLikeApim() {
        BlueCherryHttp.Response r = http.getWithKey("pick", "wrong-key");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("statusCode").asInt()).isEqualTo(401);
        assertThat(r.json().path("message").asText()).isEqualTo("Access denied due to invalid subscription key."
                + " Make sure to provide a valid key for an active subscription.");
    }

    @Test
    void subscriptionKeysComeFromConfig() {
        http.control("PUT", "/config", Map.of("subscriptionKeys", List.of("rotated-key")));
        assertThat(http.getWithKey("pick", "rotated-key").status()).isEqualTo(200);
        assertThat(http.getWithKey("pick", BlueCherryHttp.KEY).status()).isEqualTo(401);
    }

    @Test
    void unknownOperationIsNotFound() {
        assertThat(http.get("salesOrder").status()).isEqualTo(404);
        assertThat(http.post("pick", "[]").status()).isEqualTo(404);
    }

    @Test
    void emptyPickListAnswersTheVersionEnvelopeWithoutAHeaderUnlessConfigured() {
        JsonNode body = http.get("pick").json();
        assertThat(body.path("version").asText()).isEqualTo("sim-1.0");
        assertThat(body.path("data").isObject()).isTrue();
        assertThat(body.path("data").has("header")).as("strict by default: an empty read leaves the header out").isFalse();

        http.control("PUT", "/config", Map.of("headerWhenEmpty", true));
        JsonNode withHeader = http.get("pick").json();
        assertThat(withHeader.path("data").path("header").isArray()).isTrue();
        assertThat(withHeader.path("data").path("header")).isEmpty();
    }

    @Test
    void theClientReadsAnAnswerWithoutAHeaderAsAnEmptyPage() {
        BlueCherryClient client = new BlueCherryClient(new BlueCherryProperties("http://localhost:" + port + "/sim/bluecherry",
                BlueCherryHttp.KEY, 50, Duration.ofSeconds(10)), new ObjectMapper(), new SimpleMeterRegistry());
        assertThat(client.getPage("pick", "last_mod ge '2024-05-01 10:00:00'", 1, 50)).isEmpty();
        http.control("POST", "/picks", List.of(pick("P1")));
        assertThat(client.getPage("pick", null, 1, 50)).hasSize(1);
    }

    @Test
    void locationsAndShippersAreFlatAndPathsAreCaseInsensitive() {
        JsonNode lower = http.get("location").json();
        JsonNode upper = http.get("Location").json();
        assertThat(lower).isEqualTo(upper);
        assertThat(lower.path("version").asText()).isEqualTo("sim-1.0");
        assertThat(lower.path("data").isArray()).isTrue();
        assertThat(lower.path("data")).extracting(n -> n.path("location").asText()).containsExactly("NJ", "LDN", "STORE1");
        assertThat(lower.path("data").get(0).path("loc_name").asText()).isEqualTo("New Jersey DC");
        assertThat(lower.path("data").get(0).path("pkey").asLong()).isPositive();

        JsonNode warehouses = http.get("Location?$filter=" + q("loc_type eq 'W'") + "&_pgsize=500").json();
        assertThat(warehouses.path("data")).extracting(n -> n.path("location").asText()).containsExactly("NJ", "LDN");

        JsonNode shippers = http.get("Shipper?_pgsize=500").json();
        assertThat(shippers.path("data")).extracting(n -> n.path("shipper").asText()).containsExactly("UPS", "FEDX", "DHL", "RM");
        assertThat(shippers.path("data").get(0).path("ship_name").asText()).isNotBlank();
        assertThat(http.get("SHIPPER").status()).isEqualTo(200);
    }

    @Test
    void picksServeHeadersOnlyUnlessIncludeAll() {
        http.control("POST", "/picks", List.of(pick("100245")));

        JsonNode header = http.get("pick").json().path("data").path("header").get(0);
        assertThat(header.path("pick_num").asText()).isEqualTo("100245");
        assertThat(header.path("ord_num").asText()).isEqualTo("4100245");
        assertThat(header.path("ord_status").asText()).isEqualTo("O");
        assertThat(header.has("last_mod")).isTrue();
        assertThat(header.has("frgt_amt")).isTrue();
        assertThat(header.has("pickdetail")).isFalse();
        assertThat(header.has("pickaddress")).isFalse();

        JsonNode full = http.get("pick?_include=all").json().path("data").path("header").get(0);
        JsonNode lines = full.path("pickdetail").path("rows");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("line_seq").asInt()).isEqualTo(1);
        assertThat(lines.get(0).path("upc").asText()).isEqualTo(BlueCherryFixtures.UPC_M);
        assertThat(lines.get(0).path("bk_qty").asInt()).isEqualTo(2);
        assertThat(lines.get(0).path("price").decimalValue()).isEqualByComparingTo("48.00");
        assertThat(lines.get(0).path("pick_num").asText()).isEqualTo("100245");
        assertThat(lines.get(0).path("location").asText()).isEqualTo("NJ");
        assertThat(lines.get(0).path("pkey").asLong()).isPositive();
        assertThat(full.path("pickaddress").path("rows")).extracting(a -> a.path("addr_type").asText()).containsExactly("BT", "ST");
    }

    @Test
    void stylesExpandToColorSizeRows() {
        http.control("POST", "/styles", List.of(BlueCherryFixtures.teeStyle()));
        JsonNode style = http.get("style?_include=all").json().path("data").path("header").get(0);
        assertThat(style.path("style").asText()).isEqualTo("01234");
        assertThat(style.path("style_name").asText()).isEqualTo("Classic Tee");
        assertThat(style.has("group_code8")).isTrue();
        JsonNode detail = style.path("styledetail").path("rows").get(0);
        assertThat(detail.path("season").asText()).isEqualTo("SP25");
        JsonNode sizes = detail.path("stylecolorsizes").path("rows-i");
        assertThat(sizes).extracting(s -> s.path("size_desc").asText()).containsExactly("S", "M", "L");
        assertThat(sizes).allSatisfy(s -> assertThat(s.path("fkey").asLong()).isEqualTo(detail.path("pkey").asLong()));

        JsonNode headersOnly = http.get("style").json().path("data").path("header").get(0);
        assertThat(headersOnly.has("styledetail")).isFalse();
    }

    @Test
    void styleUpsertKeepsPkeyAndMovesLastMod() {
        freeze("2024-05-01 10:00:00");
        long pkey = http.control("POST", "/styles", List.of(BlueCherryFixtures.teeStyle())).get(0).path("pkey").asLong();
        advance(60);
        Map<String, Object> renamed = BlueCherryFixtures.teeStyle();
        renamed.put("style_name", "Classic Tee 2");
        http.control("POST", "/styles", List.of(renamed));

        JsonNode styles = http.get("style").json().path("data").path("header");
        assertThat(styles).hasSize(1);
        assertThat(styles.get(0).path("pkey").asLong()).isEqualTo(pkey);
        assertThat(styles.get(0).path("style_name").asText()).isEqualTo("Classic Tee 2");
        assertThat(styles.get(0).path("last_mod").asText()).isEqualTo("2024-05-01 10:01:00");
    }

    @Test
    void productionOrdersByStage() {
        http.control("POST", "/production-orders", List.of(
                productionOrder("PO1", "3"), productionOrder("PO2", "5")));
        JsonNode stage3 = http.get("productionOrderByStage?_include=all&stage_num=3").json().path("data").path("header");
        assertThat(stage3).hasSize(1);
        assertThat(stage3.get(0).path("prod_num").asText()).isEqualTo("PO1");
        JsonNode line = stage3.get(0).path("productionorderdetailbystage").path("rows").get(0);
        assertThat(line.path("prod_qty").asInt()).isEqualTo(10);
        assertThat(line.path("upc").asText()).isEqualTo(BlueCherryFixtures.UPC_M);
        assertThat(stage3.get(0).path("productionorderaddressbystage").path("rows").get(0).path("address1").asText()).isEqualTo("9 Mill Rd");

        JsonNode filtered = http.get("productionOrderByStage?$filter=" + q("stage_num eq '5'")).json().path("data").path("header");
        assertThat(filtered).extracting(h -> h.path("prod_num").asText()).containsExactly("PO2");
    }

    static Map<String, Object> productionOrder(String prodNum, String stage) {
        return map("prod_num", prodNum, "stage_num", stage, "prod_type", "P",
                "productionorderaddressbystage", Map.of("rows", List.of(map("addr_type", "VN", "name", "Mill", "address1", "9 Mill Rd"))),
                "productionorderdetailbystage", Map.of("rows", List.of(map("prod_line", "1", "style", "01234",
                        "color_code", "BLK", "lbl_code", "", "dimension", "", "size_desc", "M", "upc", BlueCherryFixtures.UPC_M,
                        "prod_qty", 10, "location", "NJ"))));
    }

    @Test
    void pkeyReturnsTheOneRecord() {
        JsonNode created = http.control("POST", "/picks", List.of(pick("1"), pick("2"), pick("3")));
        long second = created.get(1).path("pkey").asLong();
        JsonNode one = http.get("pick?_include=all&pkey=" + second).json().path("data").path("header");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).path("pick_num").asText()).isEqualTo("2");
        assertThat(one.get(0).path("pickdetail").path("rows")).hasSize(2);
        assertThat(http.get("pick?pkey=999999").json().path("data").path("header")).isEmpty();
    }

    @Test
    void pagesAreOneBasedInTheConfiguredOrder() {
        freeze("2024-05-01 10:00:00");
        http.control("POST", "/picks", List.of(pick("5")));
        advance(1);
        http.control("POST", "/picks", List.of(pick("1"), pick("4")));
        advance(1);
        http.control("POST", "/picks", List.of(pick("3"), pick("2")));
        advance(1);
        http.control("POST", "/picks/5/modify", Map.of("ship_via", "UPS"));

        assertThat(http.control("GET", "/config").path("readOrder").asText()).as("strict by default").isEqualTo("STORED");
        assertThat(pickNums(http.get("pick?_pgno=1&_pgsize=2"))).as("creation order: 5 keeps its place").containsExactly("5", "1");
        assertThat(pickNums(http.get("pick?_pgno=2&_pgsize=2"))).containsExactly("4", "3");
        assertThat(pickNums(http.get("pick?_pgno=3&_pgsize=2"))).containsExactly("2");
        assertThat(pickNums(http.get("pick?_pgno=4&_pgsize=2"))).isEmpty();
        assertThat(pickNums(http.get("pick?_pgsize=2"))).containsExactly("5", "1");

        http.control("PUT", "/config", Map.of("readOrder", "LAST_MOD"));
        assertThat(pickNums(http.get("pick"))).containsExactly("1", "4", "3", "2", "5");
        http.control("PUT", "/config", Map.of("readOrder", "NEWEST_FIRST"));
        assertThat(pickNums(http.get("pick?_pgsize=2"))).as("pages go back in last_mod").containsExactly("5", "2");
        assertThat(pickNums(http.get("pick?_pgno=2&_pgsize=2"))).containsExactly("3", "4");
        http.control("PUT", "/config", Map.of("readOrder", "SHUFFLED"));
        List<String> shuffled = pickNums(http.get("pick"));
        assertThat(shuffled).containsExactlyInAnyOrder("1", "2", "3", "4", "5")
                .isNotEqualTo(List.of("5", "1", "4", "3", "2")).isNotEqualTo(List.of("1", "4", "3", "2", "5"));
        assertThat(pickNums(http.get("pick"))).as("the same order every time").isEqualTo(shuffled);
    }

    @Test
    void defaultPageSizeIs25() {
        http.control("POST", "/picks", IntStream.rangeClosed(1, 27).mapToObj(i -> pick(String.valueOf(i))).toList());
        assertThat(pickNums(http.get("pick"))).hasSize(25);
        assertThat(pickNums(http.get("pick?_pgno=2"))).hasSize(2);
    }

    @Test
    void pageSizeAboveTheCapIsResetToTheCap() {
        assertThat(http.control("GET", "/config").path("pageCap").asInt()).isEqualTo(200);
        http.control("PUT", "/config", Map.of("pageCap", 3));
        http.control("POST", "/picks", IntStream.rangeClosed(1, 5).mapToObj(i -> pick(String.valueOf(i))).toList());
        assertThat(pickNums(http.get("pick?_pgsize=500"))).hasSize(3);
        assertThat(pickNums(http.get("pick?_pgsize=500&_pgno=2"))).containsExactly("4", "5");
    }

    @Test
    void pageSizeAboveTheCapCanBeRejected() {
        http.control("PUT", "/config", Map.of("pageCap", 3, "pageCapPolicy", "REJECT"));
        BlueCherryHttp.Response r = http.get("pick?_pgsize=4");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).isEqualTo("_pgsize 4 exceeds the maximum page size of 3");
        assertThat(http.get("pick?_pgsize=3").status()).isEqualTo(200);
    }

    @Test
    void badPagingParametersAreRefused() {
        assertThat(http.get("pick?_pgno=0").status()).isEqualTo(400);
        assertThat(http.get("pick?_pgsize=abc").json().path("message").asText()).startsWith("Invalid _pgsize");
    }

    @Test
    void filterComparesLastModAndHeaderFields() {
        freeze("2024-05-01 10:00:00");
        http.control("POST", "/picks", List.of(pick("A")));
        advance(5);
        http.control("POST", "/picks", List.of(pick("B", "LDN", List.of(BlueCherryFixtures.line(1, "M", BlueCherryFixtures.UPC_M, 1)))));
        advance(5);
        http.control("POST", "/picks", List.of(pick("C")));

        assertThat(pickNums(http.get("pick?$filter=" + q("last_mod gt '2024-05-01 10:00:05'")))).containsExactly("C");
        assertThat(pickNums(http.get("pick?$filter=" + q("last_mod ge '2024-05-01 10:00:05'")))).containsExactly("B", "C");
        assertThat(pickNums(http.get("pick?$filter=" + q("last_mod eq '2024-05-01 10:00:00'")))).containsExactly("A");
        assertThat(pickNums(http.get("pick?$filter=" + q("last_mod lt '2024-05-01 10:00:05'")))).containsExactly("A");
        assertThat(pickNums(http.get("pick?$filter=" + q("last_mod le '2024-05-01 10:00:05'")))).containsExactly("A", "B");
        assertThat(pickNums(http.get("pick?$filter=" + q("location ne 'NJ'")))).containsExactly("B");
        assertThat(pickNums(http.get("pick?$filter=" + q("last_mod gt '2024-05-01 00:00:00' and location eq 'NJ'"))))
                .containsExactly("A", "C");
        assertThat(pickNums(http.get("pick?$filter=" + q("pick_num eq 'A' or pick_num eq 'C'")))).containsExactly("A", "C");
        assertThat(pickNums(http.get("pick?$filter=" + q("location eq 'NJ' and (pick_num eq 'A' or last_mod ge '2024-05-01 10:00:10')"))))
                .containsExactly("A", "C");
        assertThat(pickNums(http.get("pick?$filter=" + q("last_mod gt '2024-05-01 00:00:00' AND pick_date gt '2024-05-01 00:00:00'"))))
                .containsExactly("A", "B", "C");
    }

    @Test
    void aFieldOnlyAStoredRecordCarriesIsFilteredAsTextInAnyCase() {
        Map<String, Object> rush = new java.util.LinkedHashMap<>(pick("A"));
        rush.put("cust_note", "rush");
        http.control("POST", "/picks", List.of(rush, pick("B")));

        assertThat(pickNums(http.get("pick?$filter=" + q("cust_note eq 'rush'")))).containsExactly("A");
        assertThat(pickNums(http.get("pick?$filter=" + q("CUST_NOTE eq 'RUSH'")))).containsExactly("A");
        // a template field compared on the copy-free view: ord_status and pkey are the simulator's own
        assertThat(pickNums(http.get("pick?$filter=" + q("ord_status eq 'O' and pkey ge 0")))).containsExactly("A", "B");
        assertBadFilter("cust_remark eq 'rush'", "Invalid filter: unknown field 'cust_remark'");
    }

    @Test
    void badFiltersAreRefusedWithTheReason() {
        assertBadFilter("colour eq 'BLK'", "Invalid filter: unknown field 'colour'");
        assertBadFilter("last_mod gt", "Invalid filter: expected a value after 'last_mod gt' but found end of filter");
        assertBadFilter("last_mod gt '2024-05-01", "Invalid filter: unterminated quoted value starting at position 13");
        assertBadFilter("last_mod gt '2024-13-01 00:00:00'",
                "Invalid filter: '2024-13-01 00:00:00' is not a valid datetime for last_mod (expected 'YYYY-MM-DD HH:MM:SS')");
        assertBadFilter("last_mod after '2024-05-01 00:00:00'", "Invalid filter: expected an operator (eq, ne, gt, ge, lt, le) after 'last_mod' but found 'after' at position 10");
        assertBadFilter("(location eq 'NJ'", "Invalid filter: expected ')' but found end of filter");
        assertBadFilter("location eq NJ", "Invalid filter: value 'NJ' at position 13 must be quoted");
    }

    private void assertBadFilter(String filter, String message) {
        BlueCherryHttp.Response r = http.get("pick?$filter=" + q(filter));
        assertThat(r.status()).as(filter).isEqualTo(400);
        assertThat(r.json().path("message").asText()).as(filter).isEqualTo(message);
    }

    @Test
    void recordsWrittenInTheSameSecondShareLastMod() {
        freeze("2024-05-01 10:00:00");
        http.control("POST", "/picks", List.of(pick("1"), pick("2")));
        advance(1);
        http.control("POST", "/picks", List.of(pick("3")));
        JsonNode headers = http.get("pick").json().path("data").path("header");
        assertThat(headers).extracting(h -> h.path("last_mod").asText())
                .containsExactly("2024-05-01 10:00:00", "2024-05-01 10:00:00", "2024-05-01 10:00:01");
    }

    @Test
    void geWatermarkPagingReturnsEqualLastModValuesAcrossAPageBoundaryExactlyOnce() {
        freeze("2024-05-01 09:59:59");
        http.control("POST", "/picks", List.of(pick("OLD")));
        advance(1);
        http.control("POST", "/picks", IntStream.rangeClosed(1, 5).mapToObj(i -> pick("SAME" + i)).toList());

        String filter = q("last_mod ge '2024-05-01 10:00:00'");
        List<String> seen = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<String> nums = pickNums(http.get("pick?$filter=" + filter + "&_pgsize=2&_pgno=" + page));
            seen.addAll(nums);
            if (nums.size() < 2) {
                break;
            }
        }
        assertThat(seen).containsExactly("SAME1", "SAME2", "SAME3", "SAME4", "SAME5");
    }

    @Test
    void clockFreezeAndAdvanceDriveLastMod() {
        JsonNode frozen = http.control("POST", "/clock", Map.of("freeze", "2024-05-01 10:00:00"));
        assertThat(frozen.path("now").asText()).isEqualTo("2024-05-01 10:00:00");
        assertThat(frozen.path("frozen").asBoolean()).isTrue();
        http.control("POST", "/picks", List.of(pick("1")));
        assertThat(http.get("pick").json().path("data").path("header").get(0).path("last_mod").asText())
                .isEqualTo("2024-05-01 10:00:00");

        advance(5);
        http.control("POST", "/picks/1/modify", Map.of("notes", "leave at door"));
        JsonNode header = http.get("pick").json().path("data").path("header").get(0);
        assertThat(header.path("last_mod").asText()).isEqualTo("2024-05-01 10:00:05");
        assertThat(header.path("notes").asText()).isEqualTo("leave at door");

        JsonNode real = http.control("POST", "/clock", Map.of("real", true));
        assertThat(real.path("frozen").asBoolean()).isFalse();
        assertThat(real.path("now").asText()).isGreaterThan("2025-01-01 00:00:00");
    }

    @Test
    void returnAuthorisationsAreServedAsAnInventedResource() {
        http.control("POST", "/return-authorisations", List.of(BlueCherryReceiptsTest.returnAuthorisation("RA1", 3)));
        BlueCherryHttp.Response r = http.get("x-sim/returnAuthorization?_include=all");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Sim-Fidelity")).isEqualTo("invented");
        JsonNode ra = r.json().path("data").path("header").get(0);
        assertThat(ra.path("ra_num").asText()).isEqualTo("RA1");
        assertThat(ra.path("status").asText()).isEqualTo("OPEN");
        assertThat(ra.path("customer").asText()).isEqualTo("WEB01");
        assertThat(ra.path("radetail").path("rows").get(0).path("ra_qty").asInt()).isEqualTo(3);
        assertThat(http.get("pick").header("X-Sim-Fidelity")).isNull();
    }

    @Test
    void everyApiCallIsLogged() {
        http.get("pick?_pgsize=5");
        http.get("Location");
        http.getWithKey("pick", null);
        JsonNode calls = http.control("GET", "/calls?path=pick&method=GET");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path("method").asText()).isEqualTo("GET");
        assertThat(calls.get(0).path("path").asText()).isEqualTo("/api/pick");
        assertThat(calls.get(0).path("query").asText()).isEqualTo("_pgsize=5");
        assertThat(calls.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(calls.get(0).path("at").asText()).isNotBlank();
        assertThat(calls.get(1).path("status").asInt()).isEqualTo(401);
        assertThat(http.control("GET", "/calls")).hasSize(3);

        http.control("DELETE", "/calls");
        assertThat(http.control("GET", "/calls")).isEmpty();
    }
}
