package io.cherrypick.simulator.peoplevox.soap;

/**
 * Writes responses the way ASMX does: an IntegrationResponse inside {Operation}Response/{Operation}Result with
 * its elements in schema order (ResponseId, TotalCount, Detail, Statuses), or a SOAP Fault.
 */
final class SoapWriter {
    static final String PVX_NAMESPACE = "http://www.peoplevox.net/";

    private SoapWriter() {
    }

    static String response(String operation, IntegrationResponse response, boolean soap12) {
        StringBuilder xml = new StringBuilder();
        xml.append("<").append(operation).append("Response xmlns=\"").append(PVX_NAMESPACE).append("\">");
        xml.append("<").append(operation).append("Result>");
        xml.append("<ResponseId>").append(response.responseId()).append("</ResponseId>");
        xml.append("<TotalCount>").append(response.totalCount()).append("</TotalCount>");
        if (response.detail() != null) {
            xml.append("<Detail>").append(escape(response.detail())).append("</Detail>");
        }
        if (response.statuses() != null) {
            xml.append("<Statuses>");
            for (IntegrationResponse.RowStatus status : response.statuses()) {
                xml.append("<IntegrationStatusResponse>");
                if (status.reference() != null) {
                    xml.append("<Reference>").append(escape(status.reference())).append("</Reference>");
                }
                xml.append("<Status>").append(status.success() ? "Success" : "Error").append("</Status>");
                xml.append("</IntegrationStatusResponse>");
            }
            xml.append("</Statuses>");
        }
        xml.append("</").append(operation).append("Result>");
        xml.append("</").append(operation).append("Response>");
        return envelope(xml.toString(), soap12);
    }

    static String fault(boolean client, String message, boolean soap12) {
        String body;
        if (soap12) {
            body = "<soap:Fault><soap:Code><soap:Value>" + (client ? "soap:Sender" : "soap:Receiver")
                    + "</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang=\"en\">" + escape(message)
                    + "</soap:Text></soap:Reason><soap:Detail /></soap:Fault>";
        } else {
            body = "<soap:Fault><faultcode>" + (client ? "soap:Client" : "soap:Server") + "</faultcode><faultstring>"
                    + escape(message) + "</faultstring><detail /></soap:Fault>";
        }
        return envelope(body, soap12);
    }

    static String contentType(boolean soap12) {
        return soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8";
    }

    private static String envelope(String body, boolean soap12) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"" + (soap12 ? SoapMessage.SOAP12 : SoapMessage.SOAP11) + "\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    /** XML text escaping; carriage returns are kept as character references so they survive parsing. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#xD;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        continue; // not allowed in XML 1.0
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
