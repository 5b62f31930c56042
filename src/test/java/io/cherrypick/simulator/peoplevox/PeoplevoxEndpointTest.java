package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Endpoint, WSDL, Authenticate and sessions. */
class PeoplevoxEndpointTest extends PeoplevoxTestSupport {

    @Test
    void authenticateReturnsClientIdAndA32HexSessionId() {
        SoapTestClient.Response response = soap.authenticate("cherrypick-demo", "integration", "demo-password");

        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/xml");
        assertThat(response.responseId()).isZero();
        assertThat(response.totalCount()).isEqualTo(1);
        assertThat(response.detail()).matches("cherrypick-demo,[0-9a-f]{32}");
    }

    @Test
    void wrongCredentialsFailWithHttp200AndTheDocumentedText() {
        for (String[] attempt : new String[][] {
                {"cherrypick-demo", "integration", "wrong"}, {"cherrypick-demo", "nobody", "demo-password"},
                {"other-client", "integration", "demo-password"}}) {
            SoapTestClient.Response response = soap.authenticate(attempt[0], attempt[1], attempt[2]);
            assertThat(response.httpStatus()).isEqualTo(200);
            assertThat(response.responseId()).isEqualTo(-1);
            assertThat(response.totalCount()).isZero();
            assertThat(response.detail()).isEqualTo("System : Security - Invalid credentials");
        }
        // The password must be Base64: the plain text is refused.
        SoapTestClient.Response plain = soap.call("Authenticate", null,
                "<clientId>cherrypick-demo</clientId><username>integration</username><password>demo-password</password>");
        assertThat(plain.responseId()).isEqualTo(-1);
    }

    @Test
    void pathIsCaseInsensitiveAndSoapActionMayBeUnquoted() {
        soap.login();
        String mixedCase = "http://localhost:" + port + "/sim/peoplevox/CherryPick-Demo/Resources/IntegrationServicev4.asmx";
        SoapTestClient.Response response = soap.post(mixedCase, "http://www.peoplevox.net/GetSaveTemplate",
                SoapTestClient.envelope("GetSaveTemplate", soap.sessionId, "<templateName>Sites</templateName>"));
        assertThat(response.responseId()).isZero();
        assertThat(response.detail()).isEqualTo("Name,Reference");
    }

    @Test
    void routesOnTheSoapActionAndRefusesABodyElementOfAnotherOperation() {
        soap.login();
        SoapTestClient.Response otherBody = soap.post(soap.endpoint(), "\"http://www.peoplevox.net/GetSaveTemplate\"",
                SoapTestClient.envelope("GetReportColumns", soap.sessionId, "<templateName>Sites</templateName>"));
        assertThat(otherBody.httpStatus()).isEqualTo(500);
        assertThat(otherBody.faultString()).isEqualTo("Server was unable to read request. ---> There is an error in XML"
                + " document. ---> <GetReportColumns xmlns='http://www.peoplevox.net/'> was not expected.");
        assertThat(otherBody.body()).contains("<faultcode>soap:Client</faultcode>");

        SoapTestClient.Response unknown = soap.post(soap.endpoint(), "\"http://www.peoplevox.net/DoMagic\"",
                SoapTestClient.envelope("DoMagic", soap.sessionId, ""));
        assertThat(unknown.httpStatus()).isEqualTo(500);
        assertThat(unknown.faultString())
                .isEqualTo("Server did not recognize the value of HTTP Header SOAPAction: http://www.peoplevox.net/DoMagic.");
    }

    @Test
    void aMissingWrongCaseOrWrongNamespaceSoapActionIsRefusedWithAsmxText() {
        soap.login();
        String envelope = SoapTestClient.envelope("GetSaveTemplate", soap.sessionId, "<templateName>Sites</templateName>");
        SoapTestClient.Response missing = soap.post(soap.endpoint(), null, envelope);
        assertThat(missing.httpStatus()).isEqualTo(500);
        assertThat(missing.faultString()).isEqualTo("Unable to handle request without a valid action parameter."
                + " Please supply a valid soap action.");

        SoapTestClient.Response wrongCase = soap.post(soap.endpoint(), "\"http://www.peoplevox.net/getSaveTemplate\"",
                envelope);
        assertThat(wrongCase.faultString()).isEqualTo(
                "Server did not recognize the value of HTTP Header SOAPAction: http://www.peoplevox.net/getSaveTemplate.");
        SoapTestClient.Response noNamespace = soap.post(soap.endpoint(), "GetSaveTemplate", envelope);
        assertThat(noNamespace.faultString())
                .isEqualTo("Server did not recognize the value of HTTP Header SOAPAction: GetSaveTemplate.");
        SoapTestClient.Response empty = soap.post(soap.endpoint(), "\"\"", envelope);
        assertThat(empty.faultString()).isEqualTo("Server did not recognize the value of HTTP Header SOAPAction: .");
    }

    @Test
    void elementsBindByExactNameAndNamespaceOnly() {
        soap.login();
        SoapTestClient.Response wrongCase = soap.call("GetData", soap.sessionId,
                "<getRequest><TemplateName>Sites</TemplateName><pageNo>1</pageNo><ItemsPerPage>0</ItemsPerPage>"
                        + "</getRequest>");
        assertThat(wrongCase.httpStatus()).isEqualTo(500);
        assertThat(wrongCase.faultString()).isEqualTo("Server was unable to read request. ---> There is an error in"
                + " XML document. ---> <pageNo xmlns='http://www.peoplevox.net/'> was not expected.");

        SoapTestClient.Response noNamespace = soap.post(soap.endpoint(), "\"http://www.peoplevox.net/GetSaveTemplate\"",
                SoapTestClient.envelope("GetSaveTemplate", soap.sessionId,
                        "<templateName xmlns=\"\">Sites</templateName>"));
        assertThat(noNamespace.faultString()).endsWith("---> <templateName xmlns=''> was not expected.");

        String unqualifiedBody = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
                + "<UserSessionCredentials xmlns=\"http://www.peoplevox.net/\"><SessionId>" + soap.sessionId
                + "</SessionId></UserSessionCredentials></soap:Header><soap:Body><GetSaveTemplate>"
                + "<templateName>Sites</templateName></GetSaveTemplate></soap:Body></soap:Envelope>";
        SoapTestClient.Response wrongNamespace = soap.post(soap.endpoint(), "\"http://www.peoplevox.net/GetSaveTemplate\"",
                unqualifiedBody);
        assertThat(wrongNamespace.faultString()).endsWith("---> <GetSaveTemplate xmlns=''> was not expected.");

        SoapTestClient.Response unknown = soap.call("SaveData", soap.sessionId, "<saveRequest><TemplateName>Sites"
                + "</TemplateName><CsvData>Name,Reference</CsvData><Action>0</Action><Validate>true</Validate>"
                + "</saveRequest>");
        assertThat(unknown.faultString()).endsWith("---> <Validate xmlns='http://www.peoplevox.net/'> was not expected.");

        SoapTestClient.Response twice = soap.call("GetSaveTemplate", soap.sessionId,
                "<templateName>Sites</templateName><templateName>Sites</templateName>");
        assertThat(twice.faultString()).endsWith("---> <templateName xmlns='http://www.peoplevox.net/'> was not expected.");

        SoapTestClient.Response missingAction = soap.call("SaveData", soap.sessionId,
                "<saveRequest><TemplateName>Sites</TemplateName><CsvData>Name,Reference</CsvData></saveRequest>");
        assertThat(missingAction.faultString()).endsWith("---> The element 'saveRequest' in namespace"
                + " 'http://www.peoplevox.net/' has incomplete content. List of possible elements expected: 'Action' in"
                + " namespace 'http://www.peoplevox.net/'.");
    }

    @Test
    void theSessionHeaderBindsOnlyInItsNamespace() {
        soap.login();
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
                + "<UserSessionCredentials><SessionId>" + soap.sessionId + "</SessionId></UserSessionCredentials>"
                + "</soap:Header><soap:Body><GetSaveTemplate xmlns=\"http://www.peoplevox.net/\"><templateName>Sites"
                + "</templateName></GetSaveTemplate></soap:Body></soap:Envelope>";
        SoapTestClient.Response response = soap.post(soap.endpoint(), "\"http://www.peoplevox.net/GetSaveTemplate\"",
                envelope);
        assertThat(response.responseId()).as("a header ASMX does not bind carries no session").isEqualTo(-1);
        assertThat(response.detail()).isEqualTo("System : Security - Invalid Session");
    }

    @Test
    void acceptsRequestElementsInAnyOrderAndLowerCaseClientIdHeader() {
        soap.login();
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
                + "<UserSessionCredentials xmlns=\"http://www.peoplevox.net/\"><SessionId>" + soap.sessionId
                + "</SessionId><clientId>cherrypick-demo</clientId></UserSessionCredentials></soap:Header><soap:Body>"
                + "<GetData xmlns=\"http://www.peoplevox.net/\"><getRequest><SearchClause>Reference == \"LondonSite\""
                + "</SearchClause><ItemsPerPage>10</ItemsPerPage><TemplateName>Sites</TemplateName><PageNo>1</PageNo>"
                + "</getRequest></GetData></soap:Body></soap:Envelope>";
        SoapTestClient.Response response = soap.post(soap.endpoint(), "http://www.peoplevox.net/GetData", envelope);
        assertThat(response.responseId()).isZero();
        assertThat(response.totalCount()).isEqualTo(1);
        assertThat(response.detail()).isEqualTo("Name,Reference\nLondon,LondonSite\n");
    }

    @Test
    void soap12RequestsGetSoap12Answers() throws Exception {
        String envelope = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>"
                + "<Authenticate xmlns=\"http://www.peoplevox.net/\"><clientId>cherrypick-demo</clientId>"
                + "<username>integration</username><password>ZGVtby1wYXNzd29yZA==</password></Authenticate>"
                + "</env:Body></env:Envelope>";
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(soap.endpoint()))
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"http://www.peoplevox.net/Authenticate\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(envelope)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/soap+xml"));
        assertThat(response.body()).contains("xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"")
                .contains("<ResponseId>0</ResponseId>").containsPattern("<Detail>cherrypick-demo,[0-9a-f]{32}</Detail>");
    }

    @Test
    void unknownClientIdAnswersAnHtmlPage() {
        SoapTestClient other = new SoapTestClient(port, "someone-else");
        SoapTestClient.Response response = other.authenticate("someone-else", "integration", "demo-password");
        assertThat(response.httpStatus()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void servesTheWsdlWithTheServingAddressAndTheNewerAdditions() {
        HttpResponse<String> wsdl = soap.get(soap.endpoint() + "?WSDL");
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body())
                .contains("<soap:address location=\"" + soap.endpoint() + "\" />")
                .doesNotContain("peoplevox.net/appb")
                .contains("name=\"encodeParameterData\" nillable=\"true\" type=\"xs:boolean\"")
                .contains("<xs:enumeration value=\"DespatchPackageTrackingNumberReceived\" />")
                .contains("<xs:enumeration value=\"DespatchPackageDespatched\" />")
                .contains("<xs:enumeration value=\"OnDespatchOrderReceived\" />");
        assertThat(soap.schema()).isNotNull();

        HttpResponse<String> help = soap.get(soap.endpoint());
        assertThat(help.statusCode()).isEqualTo(200);
        assertThat(help.body()).contains("IntegrationServiceV4").contains("SaveData");
    }

    @Test
    void callsWithoutAValidSessionAreRefused() {
        SoapTestClient.Response missing = soap.getSaveTemplate("Sites");
        assertThat(missing.httpStatus()).isEqualTo(200);
        assertThat(missing.responseId()).isEqualTo(-1);
        assertThat(missing.detail()).isEqualTo("System : Security - Invalid Session");

        soap.sessionId = "0123456789abcdef0123456789abcdef";
        assertThat(soap.getSaveTemplate("Sites").detail()).isEqualTo("System : Security - Invalid Session");
    }

    @Test
    void idleSessionsExpireAndReAuthenticationWorks() {
        config(Map.of("idleTimeoutSeconds", 1));
        soap.login();
        String firstSession = soap.sessionId;
        assertThat(soap.getSaveTemplate("Sites").responseId()).isZero();

        // Polling with calls would keep the session alive, so wait out the idle time without calling.
        await().pollDelay(Duration.ofMillis(2200)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(soap.getSaveTemplate("Sites").detail()).isEqualTo("System : Security - Session Expired");
        // An expired session stays expired.
        assertThat(soap.getSaveTemplate("Sites").detail()).isEqualTo("System : Security - Session Expired");

        soap.login();
        assertThat(soap.sessionId).isNotEqualTo(firstSession);
        assertThat(soap.getSaveTemplate("Sites").responseId()).isZero();
    }

    @Test
    void eachCallRefreshesTheIdleTime() {
        config(Map.of("idleTimeoutSeconds", 2));
        soap.login();
        long end = System.nanoTime() + Duration.ofMillis(3500).toNanos();
        // Calls every ~400 ms for longer than the idle timeout keep the session alive.
        while (System.nanoTime() < end) {
            await().pollDelay(Duration.ofMillis(400)).until(() -> true);
            assertThat(soap.getSaveTemplate("Sites").responseId()).isZero();
        }
    }

    @Test
    void unsubscribeAnswersTrueForAKnownSubscription() {
        soap.login();
        SoapTestClient.Response subscribed = soap.subscribeEvent("AvailabilityChanges", "",
                "http://localhost:" + port + "/test/pvx-receiver/a?sku={ItemCode}", null);
        assertThat(subscribed.responseId()).isZero();
        int id = Integer.parseInt(subscribed.detail());
        assertThat(id).isEqualTo(1);
        assertThat(soap.subscribeEvent("Returns", "", "http://localhost:" + port + "/test/pvx-receiver/b", false)
                .detail()).isEqualTo("2");

        SoapTestClient.Response unsubscribed = soap.unsubscribe(id);
        assertThat(unsubscribed.responseId()).isZero();
        assertThat(unsubscribed.detail()).isEqualTo("True");
        assertThat(soap.unsubscribe(id).detail()).isEqualTo("False");
        assertThat(controlOk(HttpMethod.GET, "/state", null).get("subscriptions")).hasSize(1);
    }

    @Test
    void invalidRequestValuesAnswerSoapFaults() {
        soap.login();
        SoapTestClient.Response badEnum = soap.subscribeEvent("StockChanged", "", "http://localhost/x", null);
        assertThat(badEnum.httpStatus()).isEqualTo(500);
        assertThat(badEnum.faultString()).contains("'StockChanged' is not a valid value for SubscriptionEventTypes");

        SoapTestClient.Response badInt = soap.call("GetData", soap.sessionId,
                "<getRequest><TemplateName>Sites</TemplateName><PageNo>one</PageNo></getRequest>");
        assertThat(badInt.httpStatus()).isEqualTo(500);
        assertThat(badInt.faultString()).isEqualTo("Server was unable to read request. ---> There is an error in XML"
                + " document. ---> Input string was not in a correct format.");

        SoapTestClient.Response withoutEncode = soap.subscribeEvent("AvailabilityChanges", "", "http://localhost/x", null);
        assertThat(withoutEncode.responseId()).as("encodeParameterData may be left out").isZero();
        SoapTestClient.Response yes = soap.call("SubscribeEvent", soap.sessionId, "<eventType>Returns</eventType>"
                + "<encodeParameterData>yes</encodeParameterData>");
        assertThat(yes.faultString()).endsWith("---> The string 'yes' is not a valid Boolean value.");
        SoapTestClient.Response noEvent = soap.call("SubscribeEvent", soap.sessionId, "<callbackUrl>http://x</callbackUrl>");
        assertThat(noEvent.faultString()).endsWith("List of possible elements expected: 'eventType' in namespace"
                + " 'http://www.peoplevox.net/'.");

        SoapTestClient.Response notXml = soap.post(soap.endpoint(), "\"http://www.peoplevox.net/GetData\"", "hello");
        assertThat(notXml.httpStatus()).isEqualTo(500);
        assertThat(notXml.faultString()).contains("There is an error in XML document");
    }

    @Test
    void invalidSubscriptionsAreRefusedWithAClearDetail() {
        soap.login();
        SoapTestClient.Response badFilter = soap.subscribeEvent("AvailabilityChanges", "Colour == \"red\"",
                "http://localhost/x", null);
        assertThat(badFilter.responseId()).isEqualTo(-1);
        assertThat(badFilter.detail()).isEqualTo("Invalid filter 'Colour == \"red\"': unknown field 'Colour' at position 1");

        SoapTestClient.Response badUrl = soap.subscribePostEvent("Returns", "", "not a url", "a=b", null);
        assertThat(badUrl.responseId()).isEqualTo(-1);
        assertThat(badUrl.detail()).isEqualTo("postUrl 'not a url' is not an absolute http(s) URL");
    }

    @Test
    void callLogRecordsEveryCall() {
        soap.login();
        soap.getData("Sites", null);
        soap.saveData("Sites", "Name,Reference\nLeeds,LeedsSite\nYork,YorkSite\n");
        var calls = controlOk(HttpMethod.GET, "/calls?operation=SaveData&template=Sites", null);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).get("operation").asText()).isEqualTo("SaveData");
        assertThat(calls.get(0).get("template").asText()).isEqualTo("Sites");
        assertThat(calls.get(0).get("rows").asInt()).isEqualTo(2);
        assertThat(calls.get(0).get("responseId").asInt()).isZero();
        assertThat(calls.get(0).get("at").asText()).isNotBlank();
        assertThat(controlOk(HttpMethod.GET, "/calls", null)).hasSize(3);

        controlOk(HttpMethod.DELETE, "/calls", null);
        assertThat(controlOk(HttpMethod.GET, "/calls", null)).isEmpty();
    }
}
