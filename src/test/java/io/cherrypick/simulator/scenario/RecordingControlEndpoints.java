package io.cherrypick.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the Peoplevox and Blue Cherry simulators' control endpoints under {@code /recorder} (so it never
 * clashes with the real ones): records every call with its JSON body, answers GET .../state and .../floor with a canned body,
 * and can be told to fail. A {@link TestComponent}, so only tests that import it get it.
 */
@TestComponent
@RestController
@RequestMapping("/recorder")
public class RecordingControlEndpoints {

    public record RecordedCall(String method, String path, JsonNode body) {
    }

    private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();
    private volatile int failWithStatus;
    private volatile String stateJson = "{\"salesOrders\":[]}";

    @RequestMapping("/**")
    public ResponseEntity<String> record(HttpServletRequest request, @RequestBody(required = false) JsonNode body) {
        String path = request.getRequestURI().substring("/recorder".length());
        calls.add(new RecordedCall(request.getMethod(), path, body));
        if (failWithStatus != 0) {
            return ResponseEntity.status(failWithStatus).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"message\":\"recorder told to fail\"}");
        }
        String answer = request.getMethod().equals("GET") && (path.endsWith("/state") || path.endsWith("/floor")) ? stateJson : "{\"status\":\"ok\"}";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    public List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    public RecordedCall only(String method, String path) {
        List<RecordedCall> matching = calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + method + " " + path + " but saw " + matching.size() + " in " + paths());
        }
        return matching.get(0);
    }

    public List<String> paths() {
        return calls.stream().map(c -> c.method() + " " + c.path()).toList();
    }

    public void reset() {
        calls.clear();
        failWithStatus = 0;
        stateJson = "{\"salesOrders\":[]}";
    }

    public void failWith(int status) {
        failWithStatus = status;
    }

    public void answerStateWith(String json) {
        stateJson = json;
    }
}
