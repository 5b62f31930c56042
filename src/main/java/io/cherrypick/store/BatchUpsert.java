package io.cherrypick.store;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes many rows as "update it, or insert it when there is none" in two batched statements (one update for all, one
 * insert for those the update did not find), instead of two statements per row.
 */
public final class BatchUpsert {
    private BatchUpsert() {
    }

    /**
     * Returns false when the rows must be written one by one instead: the driver did not say which rows the update
     * found, or another writer inserted one of them first.
     */
    public static boolean updateThenInsert(NamedParameterJdbcTemplate jdbc, String update, String insert,
                                           MapSqlParameterSource[] rows) {
        if (rows.length == 0) {
            return true;
        }
        int[] updated = jdbc.batchUpdate(update, rows);
        List<MapSqlParameterSource> absent = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (updated[i] < 0) {
                return false;
            }
            if (updated[i] == 0) {
                absent.add(rows[i]);
            }
        }
        if (absent.isEmpty()) {
            return true;
        }
        try {
            jdbc.batchUpdate(insert, absent.toArray(MapSqlParameterSource[]::new));
            return true;
        } catch (DuplicateKeyException concurrentInsert) {
            return false;
        }
    }
}
