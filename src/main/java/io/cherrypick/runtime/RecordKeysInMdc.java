package io.cherrypick.runtime;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import io.cherrypick.handoff.Handoff;

/**
 * Puts the business keys of the record being routed into the logging MDC before each step of every route:
 * {@value #FLOW} from header {@code CherrypickFlow} and {@value #RECORD_KEY} from {@code CherrypickRecordKey} (the
 * pick, the despatch, the return). A step whose exchange has no such header (a batch before its split) has the key
 * removed, so a line never names the record of an earlier exchange. Because every step sets them on the thread that
 * runs it, Camel need not carry them across threads (no camel.main.mdc-logging-keys-pattern: with one, Camel copies and
 * pattern-matches the whole MDC at every step). Text logs show the record key after the route id; structured logs
 * (logging.structured.format.console) have both as fields.
 */
@Component
public class RecordKeysInMdc implements InterceptStrategy {
    public static final String FLOW = "cherrypick.flow";
    public static final String RECORD_KEY = "cherrypick.recordKey";

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                put(FLOW, exchange.getMessage().getHeader(Handoff.FLOW, String.class));
                put(RECORD_KEY, exchange.getMessage().getHeader(Handoff.RECORD_KEY, String.class));
                return super.process(exchange, callback);
            }
        };
    }

    private static void put(String key, String value) {
        // only a change is written: a record keeps its keys through all the steps of its route, and every write
        // replaces the thread's whole MDC map (Logback copies it on write once a logger has read it)
        String current = MDC.get(key);
        if (value == null || value.isBlank()) {
            if (current != null) {
                MDC.remove(key);
            }
        } else if (!value.equals(current)) {
            MDC.put(key, value);
        }
    }
}
