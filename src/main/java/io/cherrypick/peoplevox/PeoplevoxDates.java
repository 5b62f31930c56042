package io.cherrypick.peoplevox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Dates as Peoplevox writes them: reports quote them day-first ({@code '14/06/2018 16:55:07'}, {@code '03/07/2017 06:03'}),
 * GetData exports day-first without quotes, imports and some events use {@code yyyy-MM-dd HH:mm:ss} or ISO-8601.
 * Search clauses want {@code DateTime(yyyy,MM,dd,HH,mm,ss)}. Times without a zone are the warehouse's local time.
 */
public final class PeoplevoxDates {
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"), DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("dd/MM/yyyy"),
            DateTimeFormatter.ISO_LOCAL_DATE);
    private static final DateTimeFormatter SEARCH = DateTimeFormatter.ofPattern("yyyy,MM,dd,HH,mm,ss");

    private PeoplevoxDates() {
    }

    /** Reads any of the formats above (quotes and surrounding blanks ignored); empty when blank or unreadable. */
    public static Optional<LocalDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1).trim();
        }
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } catch (DateTimeParseException notWithZone) {
            // try the local formats
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(value, f));
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(value, f).atStartOfDay());
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /** A Peoplevox time read as UTC, for ordering events. */
    public static Optional<Instant> parseInstant(String text) {
        return parse(text).map(t -> t.toInstant(ZoneOffset.UTC));
    }

    /** {@code DateTime(2025,08,01,00,00,00)} for search clauses. */
    public static String searchLiteral(LocalDateTime time) {
        return "DateTime(" + SEARCH.format(time) + ")";
    }
}
