package io.cherrypick.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.sun.net.httpserver.HttpServer;

/** A server that answers its headers and then stalls in the body: the call ends at its deadline, not never. */
class HttpCallsTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 10);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/stalls", exchange -> {
            exchange.sendResponseHeaders(200, 100); // 100 bytes promised
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first ten.".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                release.await(60, TimeUnit.SECONDS); // the other 90 come only when the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/answers", exchange -> {
            byte[] body = "fine".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofMillis(500)).GET().build();
    }

    @Test
    @Timeout(30)
    void aBodyThatStallsAfterTheHeadersEndsTheCallAtItsDeadline() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> HttpCalls.send(http, request("/stalls"), HttpResponse.BodyHandlers.ofString(),
                Duration.ofMillis(800))).isInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("no complete answer from localhost within 800 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    @Timeout(30)
    void aCompleteAnswerIsReturnedAndARefusedConnectionKeepsItsException() throws Exception {
        HttpResponse<String> answer = HttpCalls.send(http, request("/answers"), HttpResponse.BodyHandlers.ofString(),
                Duration.ofSeconds(5));
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("fine");

        int closed = server.getAddress().getPort();
        server.stop(0);
        HttpRequest refused = HttpRequest.newBuilder(URI.create("http://localhost:" + closed + "/answers"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        assertThatThrownBy(() -> HttpCalls.send(http, refused, HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(5)))
                .isInstanceOf(java.net.ConnectException.class);
    }
}
