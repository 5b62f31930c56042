package io.cherrypick.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.cherrypick.http.HttpCalls;

/**
 * The load balancer in front of the chaos run's instances, as production has one: Peoplevox calls one webhook URL, and
 * each call goes to an instance that answers (round robin over the ports {@code livePorts} gives, the next one on a
 * refused connection). Without it every event would go to the one instance that subscribed last, and be lost while
 * that instance is down.
 */
final class ChaosBalancer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final HttpServer server;
    private final Supplier<List<Integer>> livePorts;
    private final AtomicInteger next = new AtomicInteger();

    ChaosBalancer(int port, Supplier<List<Integer>> livePorts) throws IOException {
        this.livePorts = livePorts;
        this.server = HttpServer.create(new InetSocketAddress("localhost", port), 50);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "chaos-balancer");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        List<Integer> ports = livePorts.get();
        int start = next.getAndIncrement();
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(Math.floorMod(start + i, ports.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + exchange.getRequestURI())).timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                HttpResponse<byte[]> response = HttpCalls.send(HTTP, request.build(),
                        HttpResponse.BodyHandlers.ofByteArray(), Duration.ofSeconds(30));
                answer(exchange, response.statusCode(), response.body());
                return;
            } catch (IOException down) {
                // the instance is down (killed, starting): the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        answer(exchange, 502, "no instance answered".getBytes());
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        // one connection per call: a request on a kept-alive connection of the JDK's HttpServer was seen read but never
        // handed to a handler (the Peoplevox simulator's deliveries stalled behind it for minutes)
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
