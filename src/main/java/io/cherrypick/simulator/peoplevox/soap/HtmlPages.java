package io.cherrypick.simulator.peoplevox.soap;

import org.springframework.web.util.HtmlUtils;

/** The HTML bodies an IIS/ASP.NET host sends instead of SOAP. */
final class HtmlPages {
    private HtmlPages() {
    }

    /** Unknown client id in the path: the host has no such application (HTTP 404). */
    static String resourceNotFound(String path) {
        return page("The resource cannot be found.", "Server Error in '/' Application.",
                "<h2><i>The resource cannot be found.</i></h2><p><b>Requested URL:</b> " + HtmlUtils.htmlEscape(path)
                        + "</p>");
    }

    /** Injected HTML fault: an error page with HTTP 200, as a misbehaving proxy or host would send. */
    static String runtimeError() {
        return page("Runtime Error", "Server Error in '/' Application.",
                "<h2><i>Runtime Error</i></h2><p>An application error occurred on the server.</p>");
    }

    /** GET of the .asmx without ?wsdl: the ASMX service help page. */
    static String serviceHelp(String path) {
        StringBuilder operations = new StringBuilder("<ul>");
        IntegrationOperations.NAMES.forEach(name -> operations.append("<li>").append(name).append("</li>"));
        operations.append("</ul>");
        return page("IntegrationServiceV4 Web Service", "IntegrationServiceV4",
                "<p>The following operations are supported. For a formal definition, please review the "
                        + "<a href=\"" + HtmlUtils.htmlEscape(path) + "?WSDL\">Service Description</a>.</p>"
                        + operations);
    }

    private static String page(String title, String heading, String body) {
        return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + heading + "</h1>"
                + body + "</body></html>\n";
    }
}
