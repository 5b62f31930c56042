package io.cherrypick.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.cherrypick.store.Timestamps;

/**
 * The despatches taken (table {@code despatch}), each once, with its units towards "the pick is fully shipped". The
 * numbers Blue Cherry sees (isa_num, carton serials) come from {@link DocumentNumbers}.
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
        try {
            jdbc.update("insert into despatch (despatch_number, pick_num, units, created_at) values (:n, :pick, :units, :now)",
                    new MapSqlParameterSource().addValue("n", despatchNumber).addValue("pick", pickNum)
                            .addValue("units", units).addValue("now", Timestamps.now()));
            return true;
        } catch (DuplicateKeyException raceLost) {
            return false;
        }
    }

    /** Units of the pick in this despatch and every despatch of the pick taken before it. */
    public int unitsUpTo(String pickNum, String despatchNumber) {
        Integer units = jdbc.queryForObject("select coalesce(sum(units), 0) from despatch where pick_num = :pick"
                + " and id <= (select id from despatch where despatch_number = :n)", Map.of("pick", pickNum, "n", despatchNumber),
                Integer.class);
        return units == null ? 0 : units;
    }
}
