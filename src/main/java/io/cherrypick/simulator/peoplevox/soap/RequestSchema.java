package io.cherrypick.simulator.peoplevox.soap;

import io.cherrypick.simulator.peoplevox.event.EventType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The request elements of IntegrationServiceV4 as its WSDL declares them (the 2017 copy, plus the newer
 * {@code encodeParameterData}): every element is qualified in {@code http://www.peoplevox.net/}
 * ({@code elementFormDefault="qualified"}), named exactly (XML names are case-sensitive), with its schema type and
 * whether it is required ({@code minOccurs="1"}).
 * <p>
 * {@link #check} is the simulator's strict binding. Where it refuses what ASMX would refuse, it answers ASMX's text:
 * a value that is not an {@code xs:int} ({@code Input string was not in a correct format.}, .NET Framework's
 * FormatException text), not an {@code xs:boolean} ({@code The string 'x' is not a valid Boolean value.}, XmlConvert's
 * text) or not a {@code SubscriptionEventTypes} value ({@code Instance validation error: 'x' is not a valid value for
 * SubscriptionEventTypes.}, XmlSerializer's text). ASMX (XmlSerializer) does not refuse an element it does not know
 * (a wrong name, case or namespace) or a missing required one: it drops the first and binds the default (null, 0,
 * the first enumeration value) for the second, which in production silently loses the value (see a misspelt
 * {@code <A>} binding 0, reported for ASMX since 2003). The simulator refuses both instead, so that a client bug
 * shows in the tests rather than as wrong data in production; those two texts are assumed: {@code <name xmlns='ns'>
 * was not expected.} is XmlSerializer's wording for an unexpected root element, and {@code The element ... has
 * incomplete content. List of possible elements expected: ...} is .NET's schema validator wording. Real faults add
 * the (line, column) of the error after {@code There is an error in XML document}; the simulator leaves it out.
 * Element order is not checked: XmlSerializer reads the members of a request in any order.
 */
final class RequestSchema {
    static final String NAMESPACE = "http://www.peoplevox.net/";
    static final String READ_ERROR = "Server was unable to read request. ---> There is an error in XML document. ---> ";

    enum Type { STRING, INT, BOOLEAN, EVENT_TYPE, OBJECT }

    /** One declared element; {@code children} only for {@link Type#OBJECT}. */
    record Field(String name, Type type, boolean required, List<Field> children) {
    }

    private static final List<Field> GET_REQUEST = List.of(text("TemplateName"), required("PageNo", Type.INT),
            required("ItemsPerPage", Type.INT), text("SearchClause"));
    private static final List<Field> GET_REPORT_REQUEST = Stream.concat(GET_REQUEST.stream(),
            Stream.of(text("FilterClause"), text("OrderBy"), text("Columns"))).toList();
    private static final List<Field> SAVE_REQUEST = List.of(text("TemplateName"), text("CsvData"),
            required("Action", Type.INT));

    /** The operations in the WSDL's order, each with the members of its request element. */
    static final Map<String, List<Field>> OPERATIONS = operations();

    private RequestSchema() {
    }

    private static Map<String, List<Field>> operations() {
        Map<String, List<Field>> operations = new LinkedHashMap<>();
        operations.put("Authenticate", List.of(text("clientId"), text("username"), text("password")));
        operations.put("GetData", List.of(object("getRequest", GET_REQUEST)));
        operations.put("GetReportData", List.of(object("getReportRequest", GET_REPORT_REQUEST)));
        operations.put("GetReportColumns", List.of(text("templateName")));
        operations.put("GetSaveTemplate", List.of(text("templateName")));
        operations.put("SaveData", List.of(object("saveRequest", SAVE_REQUEST)));
        operations.put("SubscribeEvent", List.of(required("eventType", Type.EVENT_TYPE), text("filter"),
                text("callbackUrl"), optional("encodeParameterData", Type.BOOLEAN)));
        operations.put("SubscribePostEvent", List.of(required("eventType", Type.EVENT_TYPE), text("filter"),
                text("postUrl"), text("postParams"), optional("encodeParameterData", Type.BOOLEAN)));
        operations.put("UnsubscribeEvent", List.of(required("subscriptionId", Type.INT)));
        return java.util.Collections.unmodifiableMap(operations);
    }

    /**
     * Checks the body element of a call to {@code operation} against the WSDL.
     *
     * @throws SoapClientFault naming the first element that does not fit
     */
    static void check(String operation, SoapMessage message) {
        Element bodyElement = message.operationElement();
        if (bodyElement == null) {
            throw new SoapClientFault(READ_ERROR + incomplete("Body", message.envelopeNamespace(), List.of(operation)));
        }
        if (!operation.equals(bodyElement.getLocalName()) || !NAMESPACE.equals(bodyElement.getNamespaceURI())) {
            throw new SoapClientFault(READ_ERROR + notExpected(bodyElement));
        }
        checkMembers(bodyElement, OPERATIONS.get(operation));
    }

    private static void checkMembers(Element parent, List<Field> fields) {
        Set<String> seen = new HashSet<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            Field field = NAMESPACE.equals(element.getNamespaceURI()) ? find(fields, element.getLocalName()) : null;
            if (field == null || !seen.add(field.name())) {
                throw new SoapClientFault(READ_ERROR + notExpected(element));
            }
            checkValue(field, element);
        }
        List<String> missing = new ArrayList<>();
        fields.stream().filter(f -> f.required() && !seen.contains(f.name())).forEach(f -> missing.add(f.name()));
        if (!missing.isEmpty()) {
            throw new SoapClientFault(READ_ERROR + incomplete(parent.getLocalName(), NAMESPACE, missing));
        }
    }

    private static void checkValue(Field field, Element element) {
        if (SoapMessage.isNil(element)) {
            return;
        }
        String text = element.getTextContent();
        switch (field.type()) {
            case OBJECT -> checkMembers(element, field.children());
            case INT -> {
                if (!text.trim().matches("[+-]?[0-9]{1,10}") || !fitsInt(text.trim())) {
                    throw new SoapClientFault(READ_ERROR + "Input string was not in a correct format.");
                }
            }
            case BOOLEAN -> {
                String value = text.trim();
                if (!(value.equals("true") || value.equals("false") || value.equals("1") || value.equals("0"))) {
                    throw new SoapClientFault(READ_ERROR + "The string '" + text + "' is not a valid Boolean value.");
                }
            }
            case EVENT_TYPE -> {
                if (EventType.fromWireName(text.trim()).isEmpty()) {
                    throw new SoapClientFault(READ_ERROR + "Instance validation error: '" + text
                            + "' is not a valid value for SubscriptionEventTypes.");
                }
            }
            case STRING -> {
                // any text
            }
        }
    }

    private static boolean fitsInt(String digits) {
        try {
            Integer.parseInt(digits.startsWith("+") ? digits.substring(1) : digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Field find(List<Field> fields, String localName) {
        return fields.stream().filter(f -> f.name().equals(localName)).findFirst().orElse(null);
    }

    private static String notExpected(Element element) {
        String namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        return "<" + element.getLocalName() + " xmlns='" + namespace + "'> was not expected.";
    }

    private static String incomplete(String parent, String parentNamespace, List<String> expected) {
        StringBuilder text = new StringBuilder("The element '" + parent + "' in namespace '" + parentNamespace
                + "' has incomplete content. List of possible elements expected: ");
        for (int i = 0; i < expected.size(); i++) {
            text.append(i == 0 ? "" : ", ").append("'").append(expected.get(i)).append("'");
        }
        return text.append(" in namespace '").append(NAMESPACE).append("'.").toString();
    }

    private static Field text(String name) {
        return new Field(name, Type.STRING, false, List.of());
    }

    private static Field required(String name, Type type) {
        return new Field(name, type, true, List.of());
    }

    private static Field optional(String name, Type type) {
        return new Field(name, type, false, List.of());
    }

    private static Field object(String name, List<Field> children) {
        return new Field(name, Type.OBJECT, false, children);
    }
}
