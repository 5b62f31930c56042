package io.cherrypick.simulator.peoplevox.event;

import io.cherrypick.simulator.peoplevox.search.Values;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {Path} placeholders from an event. Times are ISO-8601 UTC, unknown paths render empty, and with
 * encodeParameterData the substituted values are URL-encoded (all assumed; reference §7.3).
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");
    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final String URI_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";

    private Placeholders() {
    }

    public static String render(String template, WarehouseEvent event, boolean encode) {
        if (template == null) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = text(event.value(matcher.group(1)));
            if (encode) {
                value = URLEncoder.encode(value, StandardCharsets.UTF_8);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String text(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return ISO_UTC.format(dateTime);
        }
        return Values.toText(value);
    }

    /**
     * Percent-encodes the characters a URI may not hold (spaces, quotes, non-ASCII) and keeps everything else,
     * as a browser or .NET's Uri does with a raw URL.
     */
    public static String safeUri(String url) {
        StringBuilder out = new StringBuilder();
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (b >= 0 && URI_CHARACTERS.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
