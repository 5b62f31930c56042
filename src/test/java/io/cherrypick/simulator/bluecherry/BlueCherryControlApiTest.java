package io.cherrypick.simulator.bluecherry;

import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.UPC_M;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.line;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.map;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.pick;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BlueCherryControlApiTest {
    @LocalServerPort
    int port;
    BlueCherryHttp http;

    @BeforeEach
    void reset() {
        http = new BlueCherryHttp(port);
        http.control("POST", "/reset");
        http.control("POST", "/clock", Map.of("freeze", "2024-05-01 10:00:00"));
    }

    private JsonNode apiPick() {
        return http.get("pick?_include=all").json().path("data").path("header").get(0);
    }

    @Test
    void pickNumberIsAssignedWhenNotGivenAndDuplicatesAreRefused() {
        Map<String, Object> unnumbered = pick("x");
        unnumbered.remove("pick_num");
        String assigned = http.control("POST", "/picks", List.of(unnumbered)).get(0).path("pick_num").asText();
        assertThat(assigned).isNotBlank();
        assertThat(apiPick().path("pick_num").asText()).isEqualTo(assigned);
        assertThat(apiPick().path("pickdetail").path("rows").get(0).path("pick_num").asText()).isEqualTo(assigned);

        BlueCherryHttp.Response duplicate = http.controlRaw("POST", "/picks", List.of(pick(assigned)));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().path("error").asText()).contains("already exists");
    }

    @Test
    void invalidPicksAreRefusedWithTheField() {
        Map<String, Object> noLocation = pick("1");
        noLocation.remove("location");
        BlueCherryHttp.Response r = http.controlRaw("POST", "/picks", List.of(noLocation));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("pick_num 1: location is required");
    }

    @Test
    void modifyChangesHeaderLinesAndAddressesAndBumpsLastMod() {
        http.control("POST", "/picks", List.of(pick("100245")));
        http.control("POST", "/clock", Map.of("advanceSeconds", 10));
        http.control("POST", "/picks/100245/modify", Map.of(
                "po_num", "PO-NEW",
                "pickdetail", Map.of("rows", List.of(line(1, "M", UPC_M, 5))),
                "pickaddress", Map.of("rows", List.of(map("addr_type", "ST", "name", "John Roe", "email", "john@example.com")))));

        JsonNode p = apiPick();
        assertThat(p.path("last_mod").asText()).isEqualTo("2024-05-01 10:00:10");
        assertThat(p.path("po_num").asText()).isEqualTo("PO-NEW");
        assertThat(p.path("ord_num").asText()).as("unchanged fields stay").isEqualTo("4100245");
        assertThat(p.path("pickdetail").path("rows")).hasSize(1);
        assertThat(p.path("pickdetail").path("rows").get(0).path("bk_qty").asInt()).isEqualTo(5);
        assertThat(p.path("pickaddress").path("rows")).hasSize(1);
        assertThat(p.path("pickaddress").path("rows").get(0).path("name").asText()).isEqualTo("John Roe");
    }

    @Test
    void voidAndCancelEndThePickAndBumpLastMod() {
        http.control("POST", "/picks", List.of(pick("1"), pick("2")));
        http.control("POST", "/clock", Map.of("advanceSeconds", 3));
        assertThat(http.control("POST", "/picks/1/void").path("ord_status").asText()).isEqualTo("V");
        http.control("POST", "/clock", Map.of("advanceSeconds", 3));
        assertThat(http.control("POST", "/picks/2/cancel").path("status").asText()).isEqualTo("CANCELLED");

        JsonNode headers = http.get("pick").json().path("data").path("header");
        assertThat(headers).extracting(h -> h.path("pick_num").asText() + " " + h.path("ord_status").asText() + " " + h.path("last_mod").asText())
                .containsExactly("1 V 2024-05-01 10:00:03", "2 C 2024-05-01 10:00:06");
        assertThat(http.controlRaw("POST", "/picks/404/void", null).status()).isEqualTo(404);
    }

    @Test
    void locationsAndShippersCanBeAdded() {
        http.control("POST", "/locations", List.of(map("location", "LA", "loc_name", "Los Angeles DC", "loc_type", "W")));
        http.control("POST", "/shippers", List.of(map("shipper", "USPS", "ship_name", "US Postal Service")));
        assertThat(http.get("Location?$filter=" + BlueCherryHttp.q("loc_type eq 'W'")).json().path("data"))
                .extracting(n -> n.path("location").asText()).containsExactly("NJ", "LDN", "LA");
        assertThat(http.get("Shipper").json().path("data")).extracting(n -> n.path("shipper").asText()).contains("USPS");
    }

    @Test
    void stateSummarisesEverything() {
        http.control("POST", "/styles", List.of(BlueCherryFixtures.teeStyle()));
        http.control("POST", "/picks", List.of(pick("100245")));
        JsonNode state = http.control("GET", "/state");
        assertThat(state.path("styles").asInt()).isEqualTo(1);
        JsonNode p = state.path("picks").get(0);
        assertThat(p.path("pick_num").asText()).isEqualTo("100245");
        assertThat(p.path("status").asText()).isEqualTo("OPEN");
        assertThat(p.path("last_mod").asText()).isEqualTo("2024-05-01 10:00:00");
        assertThat(p.path("lines").get(0).path("open").asInt()).isEqualTo(2);
        for (String section : List.of("shipments", "notifications", "invoices", "inventory", "adjustments", "receipts",
                "returnReceipts", "creditMemos")) {
            assertThat(state.path(section).isArray()).as(section).isTrue();
        }
    }

    @Test
    void htmlViewShowsTheState() {
        http.control("POST", "/picks", List.of(pick("100245")));
        BlueCherryHttp.Response page = http.page("");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Blue Cherry simulator").contains("100245");
    }

    @Test
    void configCanBeReadChangedAndResetToDefaults() {
        JsonNode defaults = http.control("GET", "/config");
        assertThat(defaults.path("pageCap").asInt()).isEqualTo(200);
        assertThat(defaults.path("pageCapPolicy").asText()).isEqualTo("RESET");
        assertThat(defaults.path("errorShape").asText()).isEqualTo("ERRORS_ERROR_MESSAGE");
        assertThat(defaults.path("weightUoms")).extracting(JsonNode::asText).containsExactly("LB", "KG", "OZ", "G");
        assertThat(defaults.path("volumeUoms")).extracting(JsonNode::asText).containsExactly("CF", "CI", "CM", "M3");
        assertThat(defaults.path("duplicatePolicy").asText()).isEqualTo("REJECT");
        assertThat(defaults.path("cmplCodeClosesRemainder").asBoolean()).isTrue();
        assertThat(defaults.path("subscriptionKeys")).extracting(JsonNode::asText).containsExactly("demo-subscription-key");

        JsonNode changed = http.control("PUT", "/config", Map.of("pageCap", 50, "errorShape", "MESSAGE"));
        assertThat(changed.path("pageCap").asInt()).isEqualTo(50);
        assertThat(changed.path("errorShape").asText()).isEqualTo("MESSAGE");
        assertThat(changed.path("pageCapPolicy").asText()).as("untouched").isEqualTo("RESET");
        assertThat(http.controlRaw("PUT", "/config", Map.of("pageCap", 0)).status()).isEqualTo(400);

        http.control("POST", "/reset");
        assertThat(http.control("GET", "/config")).isEqualTo(defaults);
    }

    @Test
    void resetRestoresTheSeed() {
        http.control("POST", "/picks", List.of(pick("100245")));
        http.control("POST", "/locations", List.of(map("location", "LA", "loc_type", "W")));
        http.control("POST", "/reset");
        assertThat(http.get("pick").json().path("data").path("header")).isEmpty();
        assertThat(http.get("Location").json().path("data")).extracting(n -> n.path("location").asText())
                .containsExactly("NJ", "LDN", "STORE1");
        assertThat(http.control("GET", "/clock").path("frozen").asBoolean()).isFalse();
    }
}
