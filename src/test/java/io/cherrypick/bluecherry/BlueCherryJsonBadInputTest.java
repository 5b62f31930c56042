package io.cherrypick.bluecherry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.support.FlowTestSupport;
import io.cherrypick.support.Picks;

/**
 * Bad JSON from Blue Cherry, through the simulator over real HTTP (its data faults spoil one record of one answer): an
 * answer that is not JSON fails the call naming it; a record that is not an object, whose last_mod is missing, of the
 * wrong type or not a time, or whose key is too long for the hand-off or holds a control character is refused alone,
 * naming the call, the record and the field, and kept aside as it came; its neighbours are taken and the watermark
 * never moves on it. A page longer than asked takes every record once. Answers 408, 413, 429 and 5xx against the
 * other 4xx: see also {@link BlueCherryClientFaultsTest}.
 */
class BlueCherryJsonBadInputTest extends FlowTestSupport {
    private static final List<String> PICKS = List.of("700001", "700002", "700003", "700004", "700005");

    @Autowired IncrementalPull pull;
    @Autowired BlueCherryClient client;
    @Autowired ObjectMapper json;

    private final List<String> taken = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final List<JsonNode> keptAside = new ArrayList<>();

    @Override
    protected void prepareWorld() {
        emptyTables(List.of("sync_cursor", "pull_taken"));
        sims.createPicks(PICKS.stream().map(p -> Picks.pick(p, "NJ", "012345678905")).toList());
    }

    /** A pull of the picks whose refused records are kept aside (as the consumer keeps them: a dead letter each). */
    private IncrementalPull.Result pullPicks() {
        return pull.pull("pick", "bad-input-test", "pick_num", new IncrementalPull.RecordHandler() {
            @Override
            public boolean take(JsonNode record, String key, String lastMod) {
                return taken.add(record.path("pick_num").asText());
            }

            @Override
            public void refuse(JsonNode record, String key, String problem) {
                refused.add(problem);
                keptAside.add(record);
            }
        });
    }

    private void spoilOneRecord(String type, String field) {
        sims.blueCherryFault(field == null ? Map.of("operation", "pick", "type", type, "count", 1, "record", 1)
                : Map.of("operation", "pick", "type", type, "count", 1, "record", 1, "field", field));
    }

    @Test
    void anAnswerThatIsNotJsonFailsTheCallNamingItAndTheNextReadsEveryRecord() {
        sims.blueCherryFault(Map.of("operation", "pick", "type", "MALFORMED", "count", 1));

        ApiException e = catchThrowableOfType(ApiException.class, this::pullPicks);
        assertThat(e).isNotNull().hasMessageContaining("GET pick").hasMessageContaining("not a JSON object");
        assertThat(e.isTransient()).as("tried again at the next run").isTrue();
        assertThat(taken).isEmpty();

        assertThat(pullPicks().taken()).isEqualTo(PICKS.size());
        assertThat(taken).containsExactlyInAnyOrderElementsOf(PICKS);
    }

    @Test
    void aLastModOfTheWrongTypeIsRefusedAloneAndTheWatermarkNeverMovesOnIt() {
        spoilOneRecord("WRONG_TYPE", "last_mod");

        IncrementalPull.Result result = pullPicks();

        assertThat(refused).singleElement().asString().contains("Blue Cherry GET pick").contains("pick_num 700002")
                .contains("field last_mod").contains("not a Blue Cherry time");
        assertThat(keptAside).singleElement().satisfies(r -> assertThat(r.path("pick_num").asText()).isEqualTo("700002"));
        assertThat(taken).containsExactlyInAnyOrder("700001", "700003", "700004", "700005");
        assertThat(result.watermark()).as("a Blue Cherry time, not the spoilt value").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        // the next run reads the watermark's second again: the record, answered clean now, is taken; nothing twice
        pullPicks();
        assertThat(taken).containsExactlyInAnyOrderElementsOf(PICKS);
    }

    @Test
    void aMissingLastModIsRefusedNamingTheField() {
        spoilOneRecord("MISSING_FIELD", "last_mod");
        pullPicks();
        assertThat(refused).singleElement().asString().contains("pick_num 700002").contains("last_mod = (missing)");
        assertThat(taken).hasSize(4);
    }

    @Test
    void aKeyLongerThanTheHandOffHoldsIsRefusedInsteadOfFailingThePage() {
        spoilOneRecord("LONG_VALUE", "pick_num");
        pullPicks();
        assertThat(refused).singleElement().asString().contains("field pick_num 300 characters long; at most 200 fit");
        assertThat(keptAside.get(0).path("pick_num").asText()).as("kept as it came").hasSize(300);
        assertThat(taken).containsExactlyInAnyOrder("700001", "700003", "700004", "700005");
    }

    @Test
    void aControlCharacterInTheKeyIsRefusedNamingIt() {
        spoilOneRecord("CONTROL_CHARACTER", "pick_num");
        pullPicks();
        assertThat(refused).singleElement().asString().contains("field pick_num with control character U+0000")
                .doesNotContain("\u0000");
        assertThat(taken).hasSize(4);
    }

    @Test
    void aRecordThatIsNotAnObjectIsRefused() {
        spoilOneRecord("NOT_AN_OBJECT", null);
        pullPicks();
        assertThat(refused).singleElement().asString().contains("is not a JSON object but string");
        assertThat(taken).hasSize(4);
    }

    @Test
    void withoutAPlaceToKeepItABadRecordFailsThePageNamingItAndNothingIsTaken() {
        spoilOneRecord("WRONG_TYPE", "last_mod");
        assertThatThrownBy(() -> pull.pull("pick", "bad-input-test", "pick_num", (record, key, lastMod) -> taken.add(key)))
                .hasMessageContaining("pick_num 700002").hasMessageContaining("field last_mod");
        assertThat(pull.pull("pick", "bad-input-test", "pick_num", (record, key, lastMod) -> true).taken())
                .as("the page rolled back: all of it is read again").isEqualTo(PICKS.size());
    }

    @Test
    void aPageLongerThanAskedTakesEveryRecordOnce() {
        sims.blueCherryFault(Map.of("operation", "pick", "type", "PAGE_OVERFLOW", "count", 1));
        pullPicks();
        assertThat(taken).containsExactlyInAnyOrderElementsOf(PICKS);
        assertThat(refused).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 413, 429, 500, 503, 400, 404, 422})
    void everyErrorStatusNamesTheCallAndOnlyTheTransientOnesAreTriedAgain(int status) {
        sims.blueCherryFault(Map.of("operation", "OrderShipment", "type", "HTTP_5XX", "status", status, "count", 1));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.post("OrderShipment", json.createArrayNode().add(json.createObjectNode())));

        assertThat(e).as("HTTP " + status).isNotNull().hasMessageContaining("POST OrderShipment");
        boolean transientStatus = status == 408 || status == 429 || status >= 500;
        assertThat(e.isTransient()).as("HTTP " + status + " tried again").isEqualTo(transientStatus);
        if (!transientStatus) {
            assertThat(e).isInstanceOf(BlueCherryRejection.class);
            assertThat(e.category()).isEqualTo(Category.REJECTED);
        }
        assertThat(pullPicks().taken()).as("the reads after it go on").isEqualTo(PICKS.size());
    }

    @Test
    void aDataFaultNeedsTheFieldItSpoils() {
        assertThatThrownBy(() -> sims.blueCherryFault(Map.of("operation", "pick", "type", "WRONG_TYPE")))
                .hasMessageContaining("400");
    }
}
