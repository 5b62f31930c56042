package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A hand-rolled SOAP 1.1 client for the simulator tests (the way most Peoplevox clients work). Every 200 SOAP
 * response is validated against the XML Schema embedded in the served WSDL.
 */
final class SoapTestClient {
    static final String PVX = "http://www.peoplevox.net/";
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";

    /** A parsed answer: HTTP status, raw body and, for SOAP responses, the IntegrationResponse fields. */
    record Response(int httpStatus, String body, String contentType, Integer responseId, Integer totalCount,
            String detail, List<Status> statuses, String faultString) {
        boolean ok() {
            return responseId != null && responseId == 0;
        }
    }

    record Status(String reference, String status) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String endpoint;
    private Schema schema;
    String sessionId;

    SoapTestClient(int port, String clientId) {
        this.baseUrl = "http://localhost:" + port;
        this.endpoint = baseUrl + "/sim/peoplevox/" + clientId + "/resources/integrationservicev4.asmx";
    }

    String endpoint() {
        return endpoint;
    }

    // ---- operations --------------------------------------------------------------------------------------

    Response authenticate(String clientId, String username, String password) {
        Response response = call("Authenticate", null, "<clientId>" + xml(clientId) + "</clientId><username>"
                + xml(username) + "</username><password>"
                + Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)) + "</password>");
        if (response.ok()) {
            sessionId = response.detail().split(",")[1];
        }
        return response;
    }

    Response login() {
        Response response = authenticate("cherrypick-demo", "integration", "demo-password");
        assertThat(response.ok()).as(response.detail()).isTrue();
        return response;
    }

    Response getData(String template, Integer pageNo, Integer itemsPerPage, String searchClause) {
        return call("GetData", sessionId, "<getRequest><TemplateName>" + xml(template) + "</TemplateName>"
                + (pageNo == null ? "" : "<PageNo>" + pageNo + "</PageNo>")
                + (itemsPerPage == null ? "" : "<ItemsPerPage>" + itemsPerPage + "</ItemsPerPage>")
                + (searchClause == null ? "" : "<SearchClause>" + xml(searchClause) + "</SearchClause>")
                + "</getRequest>");
    }

    Response getData(String template, String searchClause) {
        return getData(template, 1, 0, searchClause);
    }

    Response getReportData(String report, Integer pageNo, Integer itemsPerPage, String searchClause, String orderBy,
            String columns) {
        return call("GetReportData", sessionId, "<getReportRequest><TemplateName>" + xml(report) + "</TemplateName>"
                + (pageNo == null ? "" : "<PageNo>" + pageNo + "</PageNo>")
                + (itemsPerPage == null ? "" : "<ItemsPerPage>" + itemsPerPage + "</ItemsPerPage>")
                + (searchClause == null ? "" : "<SearchClause>" + xml(searchClause) + "</SearchClause>")
                + "<FilterClause>ignored</FilterClause>"
                + (orderBy == null ? "" : "<OrderBy>" + xml(orderBy) + "</OrderBy>")
                + (columns == null ? "" : "<Columns>" + xml(columns) + "</Columns>")
                + "</getReportRequest>");
    }

    Response getReportColumns(String report) {
        return call("GetReportColumns", sessionId, "<templateName>" + xml(report) + "</templateName>");
    }

    Response getSaveTemplate(String template) {
        return call("GetSaveTemplate", sessionId, "<templateName>" + xml(template) + "</templateName>");
    }

    Response saveData(String template, String csv, int action) {
        return call("SaveData", sessionId, "<saveRequest><TemplateName>" + xml(template) + "</TemplateName><CsvData>"
                + xml(csv) + "</CsvData><Action>" + action + "</Action></saveRequest>");
    }

    Response saveData(String template, String csv) {
        return saveData(template, csv, 0);
    }

    Response subscribeEvent(String eventType, String filter, String callbackUrl, Boolean encode) {
        return call("SubscribeEvent", sessionId, "<eventType>" + xml(eventType) + "</eventType><filter>" + xml(filter)
                + "</filter><callbackUrl>" + xml(callbackUrl) + "</callbackUrl>"
                + (encode == null ? "" : "<encodeParameterData>" + encode + "</encodeParameterData>"));
    }

    Response subscribePostEvent(String eventType, String filter, String postUrl, String postParams, Boolean encode) {
        return call("SubscribePostEvent", sessionId, "<eventType>" + xml(eventType) + "</eventType><filter>"
                + xml(filter) + "</filter><postUrl>" + xml(postUrl) + "</postUrl><postParams>" + xml(postParams)
                + "</postParams>" + (encode == null ? "" : "<encodeParameterData>" + encode + "</encodeParameterData>"));
    }

    Response unsubscribe(int id) {
        return call("UnsubscribeEvent", sessionId, "<subscriptionId>" + id + "</subscriptionId>");
    }

    // ---- transport ---------------------------------------------------------------------------------------

    /** Calls an operation with the given inner XML of its body element. */
    Response call(String operation, String session, String innerXml) {
        return post(endpoint, "\"http://www.peoplevox.net/" + operation + "\"", envelope(operation, session, innerXml));
    }

    static String envelope(String operation, String session, String innerXml) {
        String header = session == null ? "" : "<soap:Header><UserSessionCredentials xmlns=\"" + PVX + "\">"
                + "<UserId>0</UserId><ClientId>cherrypick-demo</ClientId><SessionId>" + session
                + "</SessionId></UserSessionCredentials></soap:Header>";
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + SOAP + "\">" + header
                + "<soap:Body><" + operation + " xmlns=\"" + PVX + "\">" + innerXml + "</" + operation
                + "></soap:Body></soap:Envelope>";
    }

    Response post(String url, String soapAction, String envelope) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (soapAction != null) {
            request.header("SOAPAction", soapAction);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return parse(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response parse(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        if (!contentType.startsWith("text/xml")) {
            return new Response(response.statusCode(), body, contentType, null, null, null, null, null);
        }
        Document document;
        try {
            document = parseXml(body);
        } catch (Exception e) {
            return new Response(response.statusCode(), body, contentType, null, null, null, null, null);
        }
        Element soapBody = child(document.getDocumentElement(), SOAP, "Body");
        Element content = firstElement(soapBody);
        if ("Fault".equals(content.getLocalName())) {
            return new Response(response.statusCode(), body, contentType, null, null, null, null,
                    text(content, null, "faultstring"));
        }
        validate(content);
        Element result = firstElement(content);
        List<Status> statuses = null;
        Element statusesElement = child(result, PVX, "Statuses");
        if (statusesElement != null) {
            statuses = new ArrayList<>();
            for (Node node = statusesElement.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element status) {
                    statuses.add(new Status(text(status, PVX, "Reference"), text(status, PVX, "Status")));
                }
            }
        }
        return new Response(response.statusCode(), body, contentType,
                Integer.valueOf(text(result, PVX, "ResponseId")), Integer.valueOf(text(result, PVX, "TotalCount")),
                text(result, PVX, "Detail"), statuses, null);
    }

    /** Validates a response body element against the schema embedded in the served WSDL. */
    private void validate(Element responseElement) {
        try {
            schema().newValidator().validate(new DOMSource(responseElement));
        } catch (SAXException | IOException e) {
            throw new AssertionError("Response does not match the WSDL schema: " + e.getMessage(), e);
        }
    }

    Schema schema() {
        if (schema == null) {
            try {
                Document wsdl = parseXml(get(endpoint + "?wsdl").body());
                Element definitions = wsdl.getDocumentElement();
                Element types = child(definitions, "http://schemas.xmlsoap.org/wsdl/", "types");
                Element schemaElement = child(types, XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema");
                Document schemaDocument = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
                Element copy = (Element) schemaDocument.importNode(schemaElement, true);
                // The schema uses prefixes (tns:) declared on wsdl:definitions; carry them over.
                NamedNodeMap attributes = definitions.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    if (attribute.getName().startsWith("xmlns:") && !copy.hasAttribute(attribute.getName())) {
                        copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getName(),
                                attribute.getValue());
                    }
                }
                schemaDocument.appendChild(copy);
                schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                        .newSchema(new DOMSource(schemaDocument));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the schema of the served WSDL", e);
            }
        }
        return schema;
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())
                    && (namespace == null ? element.getNamespaceURI() == null
                            : namespace.equals(element.getNamespaceURI()))) {
                return element;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("no element in " + parent.getLocalName());
    }

    private static String text(Element parent, String namespace, String localName) {
        Element element = child(parent, namespace, localName);
        return element == null ? null : element.getTextContent();
    }

    static String xml(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#xD;");
    }
}
