package io.cherrypick.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.cherrypick.store.ValueMappingStore;
import io.cherrypick.support.FlowTestSupport;

/**
 * Bad input to the ops API over real HTTP: a body that is not JSON or holds a value of the wrong type, a mapping value
 * longer than its column or with a control character, a path or query value of the wrong type, a missing parameter.
 * Each is a 400 whose error names the field, nothing is changed (no mapping, no audit entry), and a good edit right
 * after works as usual.
 */
class OpsApiBadInputTest extends FlowTestSupport {
    @Autowired ValueMappingStore mappings;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected void prepareWorld() {
        emptyTables(java.util.List.of("value_mapping", "audit_log"));
    }

    @Test
    void aBodyThatIsNotJsonOrHasAWrongTypeIsA400AndChangesNothing() throws Exception {
        assertBadRequest(send("PUT", "/api/mappings/site/MIA", "{\"target\": \"Primary"), "not valid JSON");
        assertBadRequest(send("PUT", "/api/mappings/site/MIA", "{\"target\": [1, 2]}"), "field target has a value of the wrong type");
        assertBadRequest(send("POST", "/api/exceptions/bulk", "{\"action\":\"replay\",\"ids\":[\"x\"]}"),
                "field ids.[0] has a value of the wrong type");
        assertNothingChangedAndAGoodEditWorks();
    }

    @Test
    void aMappingValueTooLongOrWithAControlCharacterIsA400NamingTheField() throws Exception {
        assertBadRequest(send("PUT", "/api/mappings/site/MIA", "{\"target\": \"" + "P".repeat(201) + "\"}"),
                "field target is 201 characters long; at most 200 fit");
        assertBadRequest(send("PUT", "/api/mappings/site/" + "M".repeat(101), "{\"target\": \"PrimarySite\"}"),
                "field source is 101 characters long; at most 100 fit");
        assertBadRequest(send("PUT", "/api/mappings/" + "k".repeat(31) + "/MIA", "{\"target\": \"PrimarySite\"}"),
                "field kind is 31 characters long; at most 30 fit");
        assertBadRequest(send("PUT", "/api/mappings/site/MIA", "{\"target\": \"Primary\\u000bSite\"}"),
                "field target holds a control character");
        assertNothingChangedAndAGoodEditWorks();
    }

    @Test
    void aPathOrQueryValueOfTheWrongTypeOrAMissingParameterIsA400NamingIt() throws Exception {
        assertBadRequest(send("POST", "/api/exceptions/abc/replay", ""), "field id must be a long, not 'abc'");
        assertBadRequest(send("GET", "/api/orders/stuck?state=NOT_A_STATE", null), "field state must be one of [");
        assertBadRequest(send("GET", "/api/orders/stuck?limit=many", null), "field limit must be a int, not 'many'");
        assertBadRequest(send("GET", "/api/exceptions/preview", null), "field action is required");
        assertNothingChangedAndAGoodEditWorks();
    }

    private void assertBadRequest(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(error);
    }

    private void assertNothingChangedAndAGoodEditWorks() throws Exception {
        assertThat(mappings.all("site")).doesNotContainKey("MIA");
        assertThat(jdbc.queryForObject("select count(*) from audit_log", Integer.class)).as("no audit entry").isZero();
        HttpResponse<String> good = send("PUT", "/api/mappings/site/MIA", "{\"target\": \"PrimarySite\"}");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(mappings.all("site")).containsEntry("MIA", "PrimarySite");
        mappings.remove("site", "MIA");
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
