package io.cherrypick.simulator.bluecherry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/** Every call made to the simulated API, newest last; bounded so a long demo run does not grow without end. */
public final class CallLog {

    /** One API call. {@code path} is as requested (e.g. {@code /api/Location}); {@code fault} names an applied fault. */
    public record ApiCall(String method, String path, String query, int status, String at, String fault) {
        boolean matches(String wantedPath, String wantedMethod) {
            return (wantedMethod == null || wantedMethod.isBlank() || method.equalsIgnoreCase(wantedMethod))
                    && (wantedPath == null || wantedPath.isBlank() || samePath(wantedPath));
        }

        private boolean samePath(String wanted) {
            String p = path.toLowerCase(Locale.ROOT);
            String w = wanted.toLowerCase(Locale.ROOT);
            w = w.startsWith("/") ? w : "/api/" + w;
            return p.equals(w) || p.equals(w.replace("/api/", "/api/x-sim/"));
        }
    }

    private static final int MAX_CALLS = 10_000;
    private final Deque<ApiCall> calls = new ArrayDeque<>();

    public synchronized void record(ApiCall call) {
        if (calls.size() == MAX_CALLS) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    public synchronized List<ApiCall> find(String path, String method) {
        return calls.stream().filter(c -> c.matches(path, method)).toList();
    }

    public synchronized void clear() {
        calls.clear();
    }
}
