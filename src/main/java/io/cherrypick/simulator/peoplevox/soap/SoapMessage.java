package io.cherrypick.simulator.peoplevox.soap;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A parsed SOAP 1.1 (or 1.2) request. Elements are found as XmlSerializer binds them: by exact name and namespace
 * ({@code http://www.peoplevox.net/} for the request and the header), in any order; {@link RequestSchema#check}
 * refuses a body element that would not bind. In the {@code UserSessionCredentials} header only {@code SessionId} is
 * read; other members are ignored as ASMX ignores them (public clients send {@code <clientId>} there and work).
 */
final class SoapMessage {
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final String envelopeNamespace;
    private final Element operation;
    private final Element credentials;

    private SoapMessage(String envelopeNamespace, Element operation, Element credentials) {
        this.envelopeNamespace = envelopeNamespace;
        this.operation = operation;
        this.credentials = credentials;
    }

    /**
     * @throws SoapClientFault when the body is not a SOAP envelope
     */
    static SoapMessage parse(byte[] body) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(body == null ? new byte[0] : body));
        } catch (Exception e) {
            throw new SoapClientFault("Server was unable to read request. ---> There is an error in XML document."
                    + " ---> " + e.getMessage());
        }
        Element envelope = document.getDocumentElement();
        String namespace = envelope.getNamespaceURI();
        if (!"Envelope".equals(envelope.getLocalName()) || !(SOAP11.equals(namespace) || SOAP12.equals(namespace))) {
            throw new SoapClientFault("Server was unable to read request. ---> The root element is not a SOAP Envelope.");
        }
        Element body0 = child(envelope, namespace, "Body");
        if (body0 == null) {
            throw new SoapClientFault("Server was unable to read request. ---> The SOAP Envelope has no Body.");
        }
        Element header = child(envelope, namespace, "Header");
        Element credentials = header == null ? null : child(header, RequestSchema.NAMESPACE, "UserSessionCredentials");
        return new SoapMessage(namespace, firstElement(body0), credentials);
    }

    boolean isSoap12() {
        return SOAP12.equals(envelopeNamespace);
    }

    String envelopeNamespace() {
        return envelopeNamespace;
    }

    /** The body's element (the operation's request element when the call is right); null when the body is empty. */
    Element operationElement() {
        return operation;
    }

    String sessionId() {
        return credentials == null ? null : text(credentials, "SessionId");
    }

    /** A direct parameter of the operation element, e.g. templateName; null when absent or xsi:nil. */
    String parameter(String name) {
        return operation == null ? null : text(operation, name);
    }

    /** A field of a nested request object, e.g. getRequest/TemplateName. */
    String field(String objectName, String name) {
        Element object = operation == null ? null : child(operation, RequestSchema.NAMESPACE, objectName);
        return object == null ? null : text(object, name);
    }

    boolean hasObject(String objectName) {
        return operation != null && child(operation, RequestSchema.NAMESPACE, objectName) != null;
    }

    static boolean isNil(Element element) {
        return "true".equals(element.getAttributeNS(XSI, "nil"));
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, RequestSchema.NAMESPACE, name);
        if (element == null || isNil(element)) {
            return null;
        }
        return element.getTextContent();
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
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
        return null;
    }
}
