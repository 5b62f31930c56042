package io.cherrypick.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A chat's incoming webhook for tests: keeps each body it takes and answers with the status the test sets. */
final class ChatReceiver {
    /** The webhook's path, which carries its secret (as Slack's /services/T.../B.../token does). */
    static final String PATH = "/hooks/ops/T0SECRET/B0SECRET/xoxsecret42";
    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    ChatReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status.get();
            if (answer / 100 == 2) {
                bodies.add(body);
            }
            // a refusal names the service, or (404) quotes the address it was sent to, as some chats' routers do
            String refusal = answer == 404 ? "no route for POST " + exchange.getRequestURI() : "no_service";
            byte[] reply = (answer / 100 == 2 ? "ok" : refusal).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + PATH;
    }

    /** The bodies taken (with a 2xx answer), in order. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    void answer(int httpStatus) {
        status.set(httpStatus);
    }

    void reset() {
        bodies.clear();
        status.set(200);
    }
}
