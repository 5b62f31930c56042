package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.PeoplevoxProperties;
import io.cherrypick.peoplevox.RequestRefused;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cherrypick's Peoplevox client against the strict simulator: its own requests bind, and a request malformed the way
 * hand-built SOAP often is (an element in the wrong case or namespace, a wrong SOAP action) is refused with ASMX's
 * text and surfaces as a {@link RequestRefused} naming it, never as a silent success.
 */
class PeoplevoxClientStrictTest extends PeoplevoxTestSupport {
    private static final String NS = "http://www.peoplevox.net/";

    PeoplevoxClient client;

    @BeforeEach
    void client() {
        client = new PeoplevoxClient(new PeoplevoxProperties("http://localhost:" + port + "/sim/peoplevox",
                "cherrypick-demo", "integration", "demo-password", Duration.ofSeconds(10), 100,
                new PeoplevoxProperties.RateLimit(PeoplevoxProperties.Pacing.OFF, 15, Duration.ofSeconds(15), 0,
                        Duration.ofSeconds(15), Duration.ofMinutes(1), List.of())), new SimpleMeterRegistry());
    }

    @Test
    void theClientsOwnRequestsBind() {
        assertThat(client.getSaveTemplate("Sites")).isEqualTo("Name,Reference");
        assertThat(client.getData("Sites", "").rows()).isNotEmpty();
        assertThat(client.getReport("Item inventory summary", "", null, "[Item code]").headers())
                .containsExactly("Item code");
    }

    @Test
    void anElementInTheWrongCaseIsRefusedWithTheAsmxText() {
        assertThatThrownBy(() -> client.call("GetSaveTemplate", "<GetSaveTemplate xmlns=\"" + NS + "\">"
                + "<TemplateName>Sites</TemplateName></GetSaveTemplate>"))
                .isInstanceOf(RequestRefused.class)
                .hasMessage("Peoplevox could not read the GetSaveTemplate request (HTTP 500 SOAP Client fault): Server"
                        + " was unable to read request. ---> There is an error in XML document. ---> <TemplateName"
                        + " xmlns='http://www.peoplevox.net/'> was not expected.");
    }

    @Test
    void anElementOutsideThePeoplevoxNamespaceIsRefused() {
        assertThatThrownBy(() -> client.call("GetSaveTemplate",
                "<GetSaveTemplate><templateName>Sites</templateName></GetSaveTemplate>"))
                .isInstanceOf(RequestRefused.class)
                .hasMessageEndingWith("---> <GetSaveTemplate xmlns=''> was not expected.");
        assertThatThrownBy(() -> client.call("GetSaveTemplate", "<p:GetSaveTemplate xmlns:p=\"" + NS + "\">"
                + "<templateName>Sites</templateName></p:GetSaveTemplate>"))
                .as("the request element qualified, its member not (elementFormDefault is qualified)")
                .isInstanceOf(RequestRefused.class)
                .hasMessageEndingWith("---> <templateName xmlns=''> was not expected.");
    }

    @Test
    void aWrongSoapActionIsRefusedWithTheAsmxText() {
        assertThatThrownBy(() -> client.call("GetSaveTemplates", "<GetSaveTemplates xmlns=\"" + NS + "\">"
                + "<templateName>Sites</templateName></GetSaveTemplates>"))
                .isInstanceOf(RequestRefused.class)
                .hasMessageEndingWith("Server did not recognize the value of HTTP Header SOAPAction:"
                        + " http://www.peoplevox.net/GetSaveTemplates.");
    }
}
