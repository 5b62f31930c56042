package io.cherrypick.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.cherrypick.store.Timestamps;

/**
 * The despatches taken (table {@code despatch}), each once, with its units towards "the pick is fully shipped". The
 * numbers Blue Cherry sees (isa_num, carton serials) come from {@link DocumentNumbers}. Table {@code despatch_reading}
 * keeps what the last read of a despatch not taken yet found: a despatch is taken when two reads agree.
 */
@Repository
public class DespatchRegister {
    private final NamedParameterJdbcTemplate jdbc;

    public DespatchRegister(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Of these despatch numbers, those already taken. */
    public Set<String> known(Collection<String> despatchNumbers) {
        if (despatchNumbers.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(jdbc.queryForList("select despatch_number from despatch where despatch_number in (:n)",
                Map.of("n", despatchNumbers), String.class));
    }

    /** Records a despatch once; returns false when it was already taken. */
    public boolean register(String despatchNumber, String pickNum, int units) {
        if (!known(List.of(despatchNumber)).isEmpty()) {
            return false;
        }
        // another instance taking it at the same moment is not an error: a failed insert would abort the transaction
        // that takes the despatch on PostgreSQL
        return jdbc.update("insert into despatch (despatch_number, pick_num, units, created_at) values (:n, :pick, :units,"
                + " :now) on conflict do nothing", new MapSqlParameterSource().addValue("n", despatchNumber)
                .addValue("pick", pickNum).addValue("units", units).addValue("now", Timestamps.now())) == 1;
    }

    /** Units of the pick in this despatch and every despatch of the pick taken before it. */
    public int unitsUpTo(String pickNum, String despatchNumber) {
        Integer units = jdbc.queryForObject("select coalesce(sum(units), 0) from despatch where pick_num = :pick"
                + " and id <= (select id from despatch where despatch_number = :n)", Map.of("pick", pickNum, "n", despatchNumber),
                Integer.class);
        return units == null ? 0 : units;
    }

    /**
     * Records what this read of a despatch found (a digest of its lines). True when the last read before it, another
     * read, found the same: only then is the despatch complete enough to take. Two events of one batch share a read, and
     * one read proves nothing about lines still to come.
     */
    public boolean sameAsLastRead(String despatchNumber, String linesDigest, String readId) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("n", despatchNumber).addValue("digest", linesDigest)
                .addValue("read", readId).addValue("now", Timestamps.now());
        List<Map<String, Object>> last = jdbc.queryForList("select lines_digest, read_id from despatch_reading"
                + " where despatch_number = :n", p);
        if (last.isEmpty()) {
            // another instance that read it a moment ago keeps its row: the next read compares with one of the two
            jdbc.update("insert into despatch_reading (despatch_number, lines_digest, read_id, read_at)"
                    + " values (:n, :digest, :read, :now) on conflict do nothing", p);
            return false;
        }
        if (linesDigest.equals(last.get(0).get("lines_digest"))) {
            return !readId.equals(last.get(0).get("read_id"));
        }
        jdbc.update("update despatch_reading set lines_digest = :digest, read_id = :read, read_at = :now"
                + " where despatch_number = :n", p);
        return false;
    }

    /** Forgets the reads of a despatch that was taken. */
    public void forgetReads(String despatchNumber) {
        jdbc.update("delete from despatch_reading where despatch_number = :n", Map.of("n", despatchNumber));
    }
}
