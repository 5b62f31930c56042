package io.cherrypick.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps go to the database as UTC {@link OffsetDateTime}, which H2 and PostgreSQL both store without shifting,
 * cut to the microseconds both keep. Both round a finer value: a record stored as due at "now" rounded up, then looked
 * for as due by that same "now", was not due yet.
 */
public final class Timestamps {
    private Timestamps() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    public static OffsetDateTime now() {
        return utc(Instant.now());
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
