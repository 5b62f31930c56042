package io.cherrypick.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The records a Blue Cherry pull took lately, as {@code key|last_mod} (table {@code pull_taken}): what its look behind
 * the watermark compares against, so a record taken once is not routed again. Written in the transaction of the page
 * that took the records; forgotten once the look behind the watermark has passed them.
 */
@Repository
public class PullTakenStore {
    private final NamedParameterJdbcTemplate jdbc;

    public PullTakenStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A record taken at one {@code last_mod}. */
    public record Taken(String key, String lastMod) {
        String entry() {
            return key + "|" + lastMod;
        }
    }

    /** Remembers what a page took (one batch; a record remembered before is left as it is). */
    public void remember(String cursor, Collection<Taken> taken) {
        if (taken.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = taken.stream().map(t -> new MapSqlParameterSource("cursor", cursor)
                .addValue("key", t.key()).addValue("lastMod", t.lastMod())).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("insert into pull_taken (cursor_name, record_key, last_mod) select :cursor, :key, :lastMod"
                + " where not exists (select 1 from pull_taken where cursor_name = :cursor and record_key = :key"
                + " and last_mod = :lastMod)", rows);
    }

    /**
     * Which of these records (key and {@code last_mod}) were taken, as {@code key|last_mod} entries (one query). Asked
     * by the whole primary key: H2 reads a {@code cursor_name = ? and record_key in (...)} through the key's first
     * column only, that is every record the cursor remembers, on every page.
     */
    public Set<String> takenAmong(String cursor, Collection<Taken> records) {
        if (records.isEmpty()) {
            return Set.of();
        }
        List<Object[]> rows = records.stream().distinct().map(t -> new Object[] {cursor, t.key(), t.lastMod()}).toList();
        return new HashSet<>(jdbc.query("select record_key, last_mod from pull_taken where (cursor_name, record_key, last_mod)"
                        + " in (:rows)", Map.of("rows", rows), (rs, i) -> new Taken(rs.getString(1), rs.getString(2)).entry()));
    }

    /** Forgets what was taken at or before {@code lastMod}: the look behind the watermark has passed it. */
    public int forgetUpTo(String cursor, String lastMod) {
        return jdbc.update("delete from pull_taken where cursor_name = :cursor and last_mod <= :lastMod",
                Map.of("cursor", cursor, "lastMod", lastMod));
    }

    /** {@code key|last_mod}, as {@link #takenAmong} answers. */
    public static String entry(String key, String lastMod) {
        return new Taken(key, lastMod).entry();
    }
}
