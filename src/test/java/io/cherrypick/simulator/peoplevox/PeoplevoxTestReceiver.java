package io.cherrypick.simulator.peoplevox;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only webhook receiver on the application's own port: records every request under
 * {@code /test/pvx-receiver/**}; the first {@link #failuresToAnswer} requests get HTTP 503.
 */
@RestController
public class PeoplevoxTestReceiver {
    record Received(String method, String path, String query, String contentType, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToAnswer = new AtomicInteger();

    @RequestMapping("/test/pvx-receiver/**")
    public ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        // The raw body: Spring's @RequestBody would rebuild (and re-encode) a form body from its parameters.
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                request.getContentType(), body));
        if (failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return ResponseEntity.status(503).body("try later");
        }
        return ResponseEntity.ok("ok");
    }

    void clear() {
        received.clear();
        failuresToAnswer.set(0);
    }
}
