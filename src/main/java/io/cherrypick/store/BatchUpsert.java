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
     * Writes the rows; {@code update} and {@code insert} take the same parameters, {@code insert} is a plain insert (the
     * key's conflict is handled here). Batched where the driver says which rows each statement found, else one by one.
     */
    public static void write(NamedParameterJdbcTemplate jdbc, String update, String insert, MapSqlParameterSource[] rows) {
        if (!updateThenInsert(jdbc, update, insert, rows)) {
            for (MapSqlParameterSource row : rows) {
                one(jdbc, update, insert, row);
            }
        }
    }

    /**
     * As {@link #write}, for rows the caller believes are not stored yet (a first sync): inserted first, and only those
     * the insert found already there updated, so a new row costs one statement instead of two.
     */
    public static void writeNew(NamedParameterJdbcTemplate jdbc, String update, String insert, MapSqlParameterSource[] rows) {
        if (rows.length == 0) {
            return;
        }
        List<MapSqlParameterSource> present = notWritten(jdbc.batchUpdate(insert + " on conflict do nothing", rows), rows);
        // the driver did not say which rows went in: all are written again as "update, or insert" (none is lost)
        List<MapSqlParameterSource> toUpdate = present == null ? List.of(rows) : present;
        if (!toUpdate.isEmpty()) {
            write(jdbc, update, insert, toUpdate.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** One row: updated, else inserted; one another writer inserted in between is updated after all. */
    public static void one(NamedParameterJdbcTemplate jdbc, String update, String insert, MapSqlParameterSource row) {
        if (jdbc.update(update, row) == 0 && jdbc.update(insert + " on conflict do nothing", row) == 0) {
            jdbc.update(update, row);
        }
    }

    /** Returns false when the driver did not say which rows a statement found: the rows must go one by one. */
    private static boolean updateThenInsert(NamedParameterJdbcTemplate jdbc, String update, String insert,
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
