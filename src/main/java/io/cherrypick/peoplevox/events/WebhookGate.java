package io.cherrypick.peoplevox.events;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of the Peoplevox webhook: every delivery passes it before Camel (or Tomcat's form parsing) touches the body.
 * In this order, each refusal answered at once with a plain text and nothing stored:
 * <ol>
 * <li>the token, from the path ({@code <path>/<token>/<eventType>}, what the subscriptions register, since Peoplevox
 * posts to a URL and sets no header) or else the {@code X-Cherrypick-Token} header; never from the query string or a
 * form field. Compared in constant time: wrong or missing → 401, the body unread;</li>
 * <li>the size: a declared Content-Length over {@code max-body-size} → 413 unread; a body of unknown length is read
 * through a stream that stops one byte past the limit → 413;</li>
 * <li>the body is decoded strictly (form encoding, UTF-8): {@code %zz} or bytes that are not UTF-8 → 400 naming the
 * field.</li>
 * </ol>
 * What passes reaches the route as {@code <path>/<eventType>} with no token anywhere (path, header, body) and the
 * decoded form in request attribute {@link #FORM}; the route reads nothing else. Logs show the path with the token
 * masked ({@code ***}).
 */
public class WebhookGate extends OncePerRequestFilter {
    /** Request attribute: the decoded form fields (a {@code Map<String, String>}) of a delivery that passed. */
    public static final String FORM = WebhookGate.class.getName() + ".form";
    static final String TOKEN_HEADER = "X-Cherrypick-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookGate.class);

    private final WebhookToken token;
    private final WebhookProperties props;

    public WebhookGate(WebhookToken token, WebhookProperties props) {
        this.token = token;
        this.props = props;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !pathWithinApp(request).startsWith(prefix() + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String prefix = prefix();
        String[] segments = pathWithinApp(request).substring(prefix.length() + 1).split("/", -1);
        boolean tokenInPath = segments.length == 2;
        if (segments.length > 2 || segments[segments.length - 1].isEmpty()) {
            refuse(response, 404, "no such webhook: " + prefix + "/<eventType> or " + prefix + "/<token>/<eventType>");
            return;
        }
        String eventType = segments[segments.length - 1];
        String shown = prefix + "/" + (tokenInPath ? "***/" : "") + eventType;
        if (!"POST".equals(request.getMethod())) {
            refuse(response, 405, "Peoplevox events are posted (POST)");
            return;
        }
        String presented = tokenInPath ? pathSegment(segments[0]) : request.getHeader(TOKEN_HEADER);
        if (!token.matches(presented)) {
            log.warn("Peoplevox webhook {}: refused a delivery with a {} token (the token is taken from the path or the"
                    + " {} header only)", shown, presented == null || presented.isEmpty() ? "missing" : "wrong", TOKEN_HEADER);
            refuse(response, 401, "unauthorised");
            return;
        }
        long limit = props.maxBodySize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, 413, tooLarge(shown, "declares " + declared + " bytes", limit));
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            refuse(response, 413, tooLarge(shown, "is longer", limit));
            return;
        }
        Map<String, String> form;
        try {
            form = decodeForm(body);
        } catch (IllegalArgumentException undecodable) {
            log.warn("Peoplevox webhook {}: refused an undecodable delivery: {}", shown, undecodable.getMessage());
            refuse(response, 400, "the event could not be decoded (" + undecodable.getMessage() + "); a form of"
                    + " UTF-8 fields is expected; nothing was stored");
            return;
        }
        chain.doFilter(new Passed(request, prefix + "/" + eventType, form), response);
    }

    private String tooLarge(String shown, String what, long limit) {
        log.warn("Peoplevox webhook {}: refused a delivery that {} than the limit of {} bytes", shown, what, limit);
        return "the event " + what + " than the limit of " + limit + " bytes (cherrypick.webhooks.max-body-size);"
                + " nothing was stored";
    }

    private String prefix() {
        String path = props.path().startsWith("/") ? props.path() : "/" + props.path();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String pathWithinApp(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static void refuse(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The body, or null when it is longer than {@code limit}: never more than limit + 1 bytes are read. */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
            if (total > limit) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** A token given as a path segment: percent-escapes decoded ('+' stays '+'); an undecodable one matches nothing. */
    private static String pathSegment(String raw) {
        try {
            return decode(raw, false);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code name=value&...}, each part percent-decoded ('+' is a space) and read as UTF-8, strictly: an escape that is
     * not two hex digits or bytes that are not UTF-8 fail with the field's name. The first of a repeated field counts.
     */
    static Map<String, String> decodeForm(byte[] body) {
        String text = strictUtf8(body, "the body");
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName.trim(), true);
            String value;
            try {
                value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field " + name + ": " + e.getMessage());
            }
            form.putIfAbsent(name, value);
        }
        return form;
    }

    private static String decode(String part, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                int hi = i + 2 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(part.charAt(i + 2), 16);
                if (lo < 0) {
                    throw new IllegalArgumentException("'" + part.substring(i, Math.min(part.length(), i + 3))
                            + "' is not a percent-escape (two hex digits)");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return strictUtf8(bytes.toByteArray(), "the value");
    }

    private static String strictUtf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid UTF-8");
        }
    }

    /**
     * A delivery that passed: its path without the token, no token header, an empty body (already read and decoded:
     * nothing downstream reads or parses it again), the decoded form in {@link #FORM}.
     */
    private static final class Passed extends HttpServletRequestWrapper {
        private final String path;

        Passed(HttpServletRequest request, String path, Map<String, String> form) {
            super(request);
            this.path = path;
            request.setAttribute(FORM, Collections.unmodifiableMap(form));
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(getScheme() + "://" + getServerName() + ":" + getServerPort() + getRequestURI());
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return TOKEN_HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return TOKEN_HEADER.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(TOKEN_HEADER::equalsIgnoreCase);
            return Collections.enumeration(names);
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream empty = new ByteArrayInputStream(new byte[0]);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the webhook body was read by the gate");
                }

                @Override
                public int read() {
                    return empty.read();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.StringReader(""));
        }
    }
}
