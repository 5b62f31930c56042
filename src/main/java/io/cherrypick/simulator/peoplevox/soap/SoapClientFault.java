package io.cherrypick.simulator.peoplevox.soap;

/**
 * A request ASMX could not deserialize (not XML, unknown operation, a value that does not fit its schema type):
 * answered with HTTP 500 and a SOAP Fault with code Client.
 */
class SoapClientFault extends RuntimeException {
    SoapClientFault(String message) {
        super(message);
    }
}
