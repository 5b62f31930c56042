package io.cherrypick.simulator.peoplevox.soap;

/** Injectable faults (common fault contract). */
public enum FaultType { LATENCY, TIMEOUT, HTTP_5XX, SOAP_FAULT, HTML, SESSION_EXPIRED, MALFORMED, RATE_LIMIT }
