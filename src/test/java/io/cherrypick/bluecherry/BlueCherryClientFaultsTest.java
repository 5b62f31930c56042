package io.cherrypick.bluecherry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.outage.SystemOutages;
import io.cherrypick.support.FlowTestSupport;
import io.cherrypick.support.FreePort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * How the Blue Cherry client classes what the simulator answers (its fault injector, over real HTTP): 408, 429, 5xx,
 * a timeout and no connection are transient (retried; a run of them is an outage), every other 4xx is Blue Cherry
 * refusing the record on its merits (an exception at once).
 */
@TestPropertySource(properties = "cherrypick.bluecherry.timeout=1s")
class BlueCherryClientFaultsTest extends FlowTestSupport {
    @Autowired BlueCherryClient client;
    @Autowired BlueCherryProperties props;
    @Autowired ObjectMapper json;

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void theseAnswersAreTransientAndRetried(int status) {
        sims.blueCherryFault(Map.of("operation", "pick", "type", "HTTP_5XX", "status", status, "count", 1));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.getPage("pick", null, 1, 5));
        assertThat(e).as("HTTP " + status).isNotNull().isNotInstanceOf(BlueCherryRejection.class);
        assertThat(e.isTransient()).as("HTTP " + status + " is retried").isTrue();
        assertThat(SystemOutages.isOutage(e)).as("HTTP " + status + " counts towards an outage").isEqualTo(status != 429);
        assertThat(e.system()).isEqualTo(BlueCherryClient.SYSTEM);
        assertThat(client.getPage("pick", null, 1, 5)).as("the next call goes through").isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 422})
    void otherClientErrorsAreBusinessRejections(int status) {
        sims.blueCherryFault(Map.of("operation", "pick", "type", "HTTP_5XX", "status", status, "count", 1));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.getPage("pick", null, 1, 5));
        assertThat(e).as("HTTP " + status).isInstanceOf(BlueCherryRejection.class);
        assertThat(e.isTransient()).isFalse();
        assertThat(e.category()).isEqualTo(Category.REJECTED);
        assertThat(((BlueCherryRejection) e).status()).isEqualTo(status);
        assertThat(SystemOutages.isOutage(e)).as("a refusal says Blue Cherry is there").isFalse();
    }

    @Test
    void aDocumentBlueCherryRefusesIsARejection() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.post("OrderShipment", json.createArrayNode().add(json.createObjectNode())));
        assertThat(e).isInstanceOf(BlueCherryRejection.class);
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void noAnswerInTimeIsATransientTimeout() {
        sims.blueCherryFault(Map.of("operation", "pick", "type", "TIMEOUT", "delayMs", 3000, "count", 1));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.getPage("pick", null, 1, 5));
        assertThat(e).isNotNull();
        assertThat(e.isTransient()).isTrue();
        assertThat(e.category()).isEqualTo(Category.API_TIMEOUT);
        assertThat(SystemOutages.isOutage(e)).isTrue();
    }

    @Test
    void noConnectionIsTransient() {
        BlueCherryClient nowhere = new BlueCherryClient(new BlueCherryProperties("http://localhost:" + FreePort.find()
                + "/sim/bluecherry", props.subscriptionKey(), props.pageSize(), Duration.ofSeconds(1)), json,
                new SimpleMeterRegistry());

        ApiException e = catchThrowableOfType(ApiException.class, () -> nowhere.getPage("pick", null, 1, 5));
        assertThat(e).isNotNull();
        assertThat(e.isTransient()).isTrue();
        assertThat(e.category()).isEqualTo(Category.API_ERROR);
        assertThat(SystemOutages.isOutage(e)).isTrue();
    }
}
