package io.cherrypick.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.handoff.Handoff;

/**
 * Base of the route tests: the routes of {@code routes/} in the whole runtime (H2, simulators on a fixed port), with
 * Camel held back until the test has advised the routes it looks at (camel-test-spring-junit5's {@code AdviceWith}:
 * replace a consumer with {@code direct:}, a system with a {@code mock:}), then started. Each test class advises once
 * ({@link #advise}) and gets a context of its own.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "camel.main.routes-include-pattern=file:routes/*.camel.yaml")
@ActiveProfiles("test")
@DirtiesContext
public abstract class RouteTestSupport {
    protected static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired
    protected ModelCamelContext camel;
    @Autowired
    protected ProducerTemplate producer;
    @Autowired
    protected JdbcTemplate jdbc;

    /** The test classes whose context was advised (JUnit makes a new instance per test; Spring keeps the context). */
    private static final java.util.Set<Class<?>> ADVISED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void adviseAndStart() throws Exception {
        if (ADVISED.add(getClass())) {
            advise();
        }
        if (!camel.isStarted()) {
            camel.start();
        }
    }

    /** Advises the routes under test (runs once, before Camel starts). */
    protected abstract void advise() throws Exception;

    protected void advice(String routeId, ThrowingConsumer<AdviceWithRouteBuilder, Exception> advice) throws Exception {
        AdviceWith.adviceWith(camel, routeId, advice);
    }

    /** A record as the handoff: consumer delivers it: the stored payload as the body, its identity in the headers. */
    protected Message record(long id, String key, String revision, String payload) {
        Message m = new DefaultMessage(camel);
        m.setHeaders(new java.util.HashMap<>(Map.of(Handoff.RECORD_ID, id, Handoff.RECORD_KEY, key, Handoff.REVISION, revision,
                Handoff.CLAIM, "test-claim", Handoff.FLOW, "test", Handoff.ATTEMPTS, 0, Handoff.TRIED_BEFORE, false)));
        m.setBody(payload);
        return m;
    }

    protected static List<Message> batch(Message... records) {
        return new ArrayList<>(List.of(records));
    }
}
