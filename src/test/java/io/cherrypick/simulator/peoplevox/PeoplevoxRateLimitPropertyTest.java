package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/** The rate limit switched on by configuration (what the `ratelimited` profile sets), in its own context. */
@TestPropertySource(properties = {
        "cherrypick.simulator.peoplevox.rate-limit-enabled=true",
        "cherrypick.simulator.peoplevox.rate-limit-requests=3",
        "cherrypick.simulator.peoplevox.rate-limit-window-seconds=60"})
class PeoplevoxRateLimitPropertyTest extends PeoplevoxTestSupport {

    @Test
    void rateLimitFromPropertiesSurvivesReset() {
        assertThat(controlOk(HttpMethod.GET, "/config", null).get("rateLimitEnabled").asBoolean()).isTrue();
        soap.login();
        assertThat(soap.getSaveTemplate("Sites").responseId()).isZero();
        assertThat(soap.getSaveTemplate("Sites").responseId()).isZero();
        SoapTestClient.Response refused = soap.getSaveTemplate("Sites");
        assertThat(refused.responseId()).isEqualTo(-1);
        assertThat(refused.detail()).isEqualTo("System : Rate limit exceeded - 3 requests per 60 seconds");
        assertThat(refused.detail()).contains("Rate limit exceeded");
    }
}
