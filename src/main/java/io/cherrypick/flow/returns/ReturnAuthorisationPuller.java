package io.cherrypick.flow.returns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.bluecherry.IncrementalPull;
import io.cherrypick.failure.Category;
import io.cherrypick.ops.ExceptionActions;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OutboxStore;

/**
 * Pulls return authorisations from Blue Cherry after the persisted {@code last_mod} watermark ({@link IncrementalPull}:
 * key-set paging, the records and the watermark committed together) and queues each new or changed one for Peoplevox.
 * <ul>
 * <li>a new RA is stored as AUTHORISED and queued; one Blue Cherry had already closed ({@code closedStatuses}) is
 * stored as CLOSED_IN_BLUE_CHERRY and not sent (nothing is expected);</li>
 * <li>a changed RA (pick, location, reason or lines) replaces its lines and is queued again (older unsent revisions
 * are superseded); a new {@code last_mod} with the same content (e.g. Blue Cherry's status after our own receipt) is
 * only recorded;</li>
 * <li>after the pull, received returns held because no authorisation covered them are matched again against the RAs
 * that arrived or changed (replayed through the exception actions, audited as {@code cherrypick}).</li>
 * </ul>
 */
@Component("returnAuthorisationPuller")
public class ReturnAuthorisationPuller {
    private static final Logger log = LoggerFactory.getLogger(ReturnAuthorisationPuller.class);

    private final IncrementalPull pull;
    private final AuthorisationReader reader;
    private final ReturnStore store;
    private final OutboxStore outbox;
    private final ExceptionStore exceptions;
    private final ExceptionActions actions;
    private final ReturnsProperties props;

    public ReturnAuthorisationPuller(IncrementalPull pull, AuthorisationReader reader, ReturnStore store, OutboxStore outbox,
                                     ExceptionStore exceptions, ExceptionActions actions, ReturnsProperties props) {
        this.pull = pull;
        this.reader = reader;
        this.store = store;
        this.outbox = outbox;
        this.exceptions = exceptions;
        this.actions = actions;
        this.props = props;
    }

    /** One pull run; returns how many RAs were queued for Peoplevox. */
    public int pull() {
        Map<String, String> arrived = new LinkedHashMap<>(); // ra_num -> pick_num, new or changed in this run
        IncrementalPull.Result result = pull.pull(props.authorisationResource(), ReturnsFlow.PULL_ROUTE, "ra_num",
                (ra, key, lastMod) -> take(ra, key, lastMod, arrived));
        exceptions.resolveOpen(ReturnsFlow.PULL_ROUTE, ReturnsFlow.PULL_ROUTE, "the pull succeeded again");
        if (result.taken() > 0) {
            log.info("pulled {} new or changed return authorisation(s) from Blue Cherry; watermark now {}", result.taken(),
                    result.watermark());
        }
        arrived.forEach(this::matchHeldReceiptsAgain);
        return result.taken();
    }

    /** Runs inside the page's transaction. Returns true when the RA was queued for Peoplevox. */
    private boolean take(JsonNode ra, String key, String lastMod, Map<String, String> arrived) {
        String raNum = AuthorisationReader.text(ra, "ra_num");
        if (raNum.isEmpty()) {
            exceptions.record(NewException.of(ReturnsFlow.AUTHORISATION_FLOW, ReturnsFlow.PULL_ROUTE, "pkey-" + key,
                    Category.VALIDATION, "Blue Cherry return authorisation pkey " + key + " has no ra_num; it cannot be"
                            + " announced to Peoplevox. Fix it in Blue Cherry (its next change is pulled again).",
                    ra.toString(), null));
            return false;
        }
        Optional<Authorisation> known = store.authorisation(raNum);
        String bcStatus = AuthorisationReader.text(ra, "status");
        List<AuthorisedLine> lines = reader.lines(ra);
        if (known.isEmpty()) {
            boolean closed = props.closedStatuses().stream().anyMatch(s -> s.equalsIgnoreCase(bcStatus));
            if (closed) {
                store.insert(reader.header(ra, lastMod, ReturnState.CLOSED_IN_BLUE_CHERRY, "Blue Cherry status " + bcStatus
                        + " when first pulled: nothing to expect in Peoplevox"), lines);
                return false;
            }
            store.insert(reader.header(ra, lastMod, ReturnState.AUTHORISED, "queued for Peoplevox"), lines);
            arrived.put(raNum, AuthorisationReader.text(ra, "pick_num"));
            return outbox.insertIfAbsent(ReturnsFlow.AUTHORISATION_FLOW, raNum, lastMod, ra.toString());
        }
        if (known.get().fingerprint().equals(reader.fingerprint(ra))) {
            store.touch(raNum, lastMod, bcStatus);
            return false;
        }
        List<Long> superseded = outbox.supersedeUnsent(ReturnsFlow.AUTHORISATION_FLOW, raNum, lastMod);
        if (!superseded.isEmpty()) {
            exceptions.resolveOpen(ReturnsFlow.AUTHORISATION_FLOW, raNum, "superseded by Blue Cherry revision " + lastMod);
        }
        store.replace(reader.header(ra, lastMod, known.get().state(), null), lines,
                "changed in Blue Cherry (revision " + lastMod + "): queued for Peoplevox again");
        arrived.put(raNum, AuthorisationReader.text(ra, "pick_num"));
        return outbox.insertIfAbsent(ReturnsFlow.AUTHORISATION_FLOW, raNum, lastMod, ra.toString());
    }

    /** Returns held as RETURN_MISMATCH that this RA may now cover go back to the queue to be matched again. */
    private void matchHeldReceiptsAgain(String raNum, String pickNum) {
        for (Receipt r : store.exceptionsMatching(raNum, pickNum)) {
            String key = PvxReturn.key(r.returnCode(), r.itemCode());
            for (ExceptionRecord e : exceptions.openFor(ReturnsFlow.RECEIPT_FLOW, key)) {
                if (e.category() != Category.RETURN_MISMATCH) {
                    continue;
                }
                try {
                    actions.replay(e.id(), "cherrypick");
                    log.info("return {} item {}: matched again now that RA {} arrived or changed", r.returnCode(),
                            r.itemCode(), raNum);
                } catch (ExceptionActions.NotActionable notNow) {
                    log.debug("return {} item {} not replayed: {}", r.returnCode(), r.itemCode(), notNow.getMessage());
                }
            }
        }
    }
}
