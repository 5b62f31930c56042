package io.cherrypick.simulator.peoplevox.soap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The served WSDL: the reference WSDL plus the newer additions, with every address set to the serving URL. */
final class WsdlDocument {
    static final String RESOURCE = "/simulator/peoplevox/integrationservicev4.wsdl";
    private static final String ORIGINAL_ADDRESS = "http://peoplevox.net/appb/resources/integrationservicev4.asmx";

    private final String text;

    WsdlDocument() {
        try (InputStream in = WsdlDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String forAddress(String address) {
        return text.replace(ORIGINAL_ADDRESS, SoapWriter.escape(address));
    }
}
