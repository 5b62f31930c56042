package io.cherrypick.store;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable allocator of the numbers Blue Cherry de-duplicates on (table {@code document_number}): a shipment's or a
 * production receipt's {@code isa_num}, a carton's SSCC serial. A record's number is allocated once (kind + record
 * key) and read back on every resend, so Blue Cherry refuses a resend after a lost answer as "Duplicate" instead of
 * taking a second document.
 * <p>
 * Each number also remembers whether Blue Cherry may hold it ({@code maybe_posted}): set before a POST goes out, put
 * back to what it was when Blue Cherry refuses the POST (it checks a whole call before applying any, so a refused POST
 * applied nothing). A "Duplicate" answer for a number Blue Cherry may hold is the lost answer of an earlier POST; for a
 * number it cannot hold it means another document has the number (a restored database, another system).
 * <p>
 * Every change commits on its own, whatever transaction the caller is in: the mark must be durable before the POST
 * leaves, and an allocated number must survive a rollback of the step that asked for it.
 * <p>
 * Numbers come from this installation's range ({@link DocumentNumberRange}): the next of a kind is the highest inside
 * the range + 1 (numbers outside it, another range's or a restored database's, are not counted on). A kind whose range
 * is used up is an error naming the kind and the setting, never a wrap to numbers Blue Cherry may already hold.
 */
@Repository
public class DocumentNumbers {
    /** Races lost in a row before giving up (each lost race means another record got a number: progress was made). */
    private static final int MAX_TRIES = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final DocumentNumberRange range;

    public DocumentNumbers(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
                           DocumentNumberRange range) {
        this.jdbc = jdbc;
        this.range = range;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The record's number: allocated on first use (the kind's highest in the range + 1), the same ever after. */
    public long number(String kind, String recordKey) {
        return own.execute(status -> allocate(kind, recordKey));
    }

    /**
     * A POST carrying these records' numbers is about to go out (numbers allocated if need be). Returns, per key,
     * whether Blue Cherry may already hold the number from an earlier POST; from now on it may.
     */
    public Map<String, Boolean> sending(String kind, List<String> recordKeys) {
        return own.execute(status -> {
            Map<String, Boolean> before = new java.util.LinkedHashMap<>();
            for (String key : recordKeys) {
                allocate(kind, key);
                before.put(key, maybePosted(kind, key));
            }
            if (!recordKeys.isEmpty()) {
                // by the whole primary key (H2 reads "kind = ? and record_key in" through the first column only)
                jdbc.update("update document_number set maybe_posted = true, sends = sends + 1, last_sent_at = :now"
                        + " where (kind, record_key) in (:rows)", new MapSqlParameterSource("rows", recordKeys.stream()
                        .distinct().map(k -> new Object[] {kind, k}).toList()).addValue("now", Timestamps.now()));
            }
            return before;
        });
    }

    /**
     * Blue Cherry refused the POST: it applied nothing, so the number is as likely to be held as before the POST
     * ({@code maybePostedBefore}, what {@link #sending} answered).
     */
    public void refused(String kind, String recordKey, boolean maybePostedBefore) {
        own.executeWithoutResult(status -> jdbc.update("update document_number set maybe_posted = :before where kind = :kind"
                + " and record_key = :key", Map.of("before", maybePostedBefore, "kind", kind, "key", recordKey)));
    }

    /** Whether a POST of the record's number went out and was not refused (false for a record never numbered). */
    public boolean maybePosted(String kind, String recordKey) {
        return jdbc.queryForList("select maybe_posted from document_number where kind = :kind and record_key = :key",
                Map.of("kind", kind, "key", recordKey), Boolean.class).stream().findFirst().orElse(false);
    }

    private long allocate(String kind, String recordKey) {
        MapSqlParameterSource p = new MapSqlParameterSource("kind", kind).addValue("key", recordKey)
                .addValue("now", Timestamps.now()).addValue("first", range.first()).addValue("last", range.last());
        String select = "select number from document_number where kind = :kind and record_key = :key";
        for (int tries = 0; ; tries++) {
            List<Long> found = jdbc.queryForList(select, p, Long.class);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (tries == MAX_TRIES) {
                throw new IllegalStateException("no " + kind + " document number could be allocated for " + recordKey
                        + " after " + MAX_TRIES + " tries: other instances took every next number first");
            }
            Long highest = jdbc.queryForObject("select max(number) from document_number where kind = :kind"
                    + " and number between :first and :last", p, Long.class);
            long next = highest == null ? range.first() : highest + 1;
            if (next > range.last()) {
                throw new DocumentNumbersUsedUp(kind, recordKey, range);
            }
            // another instance may take the same next number: the unique constraint keeps one, the other tries again
            jdbc.update("insert into document_number (kind, record_key, number, allocated_at)"
                    + " values (:kind, :key, :next, :now) on conflict do nothing", p.addValue("next", next));
        }
    }

    /** The range of a kind is used up: nothing more of that kind can go to Blue Cherry until the range is widened. */
    public static class DocumentNumbersUsedUp extends IllegalStateException {
        DocumentNumbersUsedUp(String kind, String recordKey, DocumentNumberRange range) {
            super("the " + kind + " document numbers of this installation are used up (" + range + ", all given):"
                    + " no number for " + recordKey + ". Numbers never wrap round (Blue Cherry may hold the old ones):"
                    + " give this installation a new range that no other installation uses, by raising"
                    + " cherrypick.document-numbers.last, or moving cherrypick.document-numbers.first and .last to"
                    + " unused numbers, then replay");
        }
    }
}
