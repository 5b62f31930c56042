package io.cherrypick.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import io.cherrypick.store.Timestamps;

/**
 * The days a finance report covers, {@code from} to {@code to} both included, as days of {@code zone}: the instants
 * they start and end at, and those as the query parameters {@code :from} and {@code :to}.
 */
record ReportDays(ZoneId zone, Instant start, Instant end) {
    static ReportDays of(LocalDate from, LocalDate to, ZoneId zone) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        return new ReportDays(zone, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    MapSqlParameterSource params() {
        return new MapSqlParameterSource().addValue("from", Timestamps.utc(start)).addValue("to", Timestamps.utc(end));
    }

    /** The time when it falls in these days, else null. */
    Instant inside(Instant at) {
        return at == null || at.isBefore(start) || !at.isBefore(end) ? null : at;
    }
}
