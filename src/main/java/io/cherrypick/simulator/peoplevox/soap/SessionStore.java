package io.cherrypick.simulator.peoplevox.soap;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sessions opened by Authenticate. A session expires after an idle period; every valid call refreshes it. */
public final class SessionStore {
    public static final String INVALID_SESSION = "System : Security - Invalid Session";
    public static final String SESSION_EXPIRED = "System : Security - Session Expired";

    public enum Check { VALID, INVALID, EXPIRED }

    private static final class Session {
        final String clientId;
        Instant lastUsed;
        boolean expired;

        Session(String clientId, Instant lastUsed) {
            this.clientId = clientId;
            this.lastUsed = lastUsed;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    /** Sessions kept at most: every Authenticate opens one, and a client that never logs out would fill the memory. */
    static final int MAX_SESSIONS = 10_000;

    // in order of last use: past the cap, the session unused longest goes (it then answers Invalid Session, which a
    // client meets on a real tenant too and answers by authenticating again)
    private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    public SessionStore(Clock clock) {
        this.clock = clock;
    }

    /** A new session id of 32 lower-case hex characters. */
    public synchronized String open(String clientId) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        sessions.put(id, new Session(clientId, clock.instant()));
        return id;
    }

    /** Checks the session for the client id of the URL and, when valid, refreshes its idle time. */
    public synchronized Check use(String sessionId, String clientId, Duration idleTimeout) {
        Session session = sessionId == null ? null : sessions.get(sessionId.trim());
        if (session == null || !session.clientId.equalsIgnoreCase(clientId)) {
            return Check.INVALID;
        }
        Instant now = clock.instant();
        if (session.expired || Duration.between(session.lastUsed, now).compareTo(idleTimeout) > 0) {
            session.expired = true;
            return Check.EXPIRED;
        }
        session.lastUsed = now;
        return Check.VALID;
    }

    /** Expires a session at once (SESSION_EXPIRED fault); unknown ids are ignored. */
    public synchronized void expire(String sessionId) {
        Session session = sessionId == null ? null : sessions.get(sessionId.trim());
        if (session != null) {
            session.expired = true;
        }
    }

    public synchronized void reset() {
        sessions.clear();
    }
}
