package io.cherrypick.store;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes many rows as "update it, or insert it when there is none" in batched statements (one update for all, one
 * insert for those the update did not find), instead of two statements per row. A row another writer inserted between
 * the two is not an error (the insert skips it: {@code on conflict do nothing}, which leaves a PostgreSQL transaction
 * usable, where a duplicate-key failure would abort it): it is updated after all.
 */
public final class BatchUpsert {
    private BatchUpsert() {
    }

    /**
     * Writes the rows; {@code insert} is a plain insert (the key's conflict is handled here). Returns false when the
     * rows must be written one by one instead: the driver did not say which rows a statement found.
     */
    public static boolean updateThenInsert(NamedParameterJdbcTemplate jdbc, String update, String insert,
                                           MapSqlParameterSource[] rows) {
        if (rows.length == 0) {
            return true;
        }
        List<MapSqlParameterSource> absent = notWritten(jdbc.batchUpdate(update, rows), rows);
        if (absent == null) {
            return false;
        }
        if (absent.isEmpty()) {
            return true;
        }
        MapSqlParameterSource[] toInsert = absent.toArray(MapSqlParameterSource[]::new);
        List<MapSqlParameterSource> raced = notWritten(jdbc.batchUpdate(insert + " on conflict do nothing", toInsert),
                toInsert);
        if (raced == null) {
            return false;
        }
        if (!raced.isEmpty()) {
            jdbc.batchUpdate(update, raced.toArray(MapSqlParameterSource[]::new));
        }
        return true;
    }

    /** The rows a batch statement changed nothing for; null when the driver did not say. */
    private static List<MapSqlParameterSource> notWritten(int[] counts, MapSqlParameterSource[] rows) {
        List<MapSqlParameterSource> none = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (counts[i] < 0) {
                return null;
            }
            if (counts[i] == 0) {
                none.add(rows[i]);
            }
        }
        return none;
    }
}
