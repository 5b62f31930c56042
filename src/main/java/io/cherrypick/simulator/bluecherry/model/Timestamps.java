package io.cherrypick.simulator.bluecherry.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The date formats on Blue Cherry's wire: {@code YYYY-MM-DD HH:MM:SS} on reads, {@code MM/DD/YYYY} on writes. */
public final class Timestamps {
    public static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Timestamps() {
    }

    public static String format(LocalDateTime t) {
        return t == null ? null : DATETIME.format(t);
    }

    public static LocalDateTime parse(String text) {
        return LocalDateTime.parse(text.trim(), DATETIME);
    }

    /** Whether the text is a real date in the given format (strict: 02/30/2024 is not). */
    public static boolean isDate(String text, DateTimeFormatter format) {
        try {
            LocalDate.parse(text.trim(), format);
            return text.trim().length() == 10;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
