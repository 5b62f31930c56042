package io.cherrypick.flow.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.model.AuthorisationReader;
import io.cherrypick.bluecherry.model.AuthorisedLine;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.NotYet;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.ops.ExceptionActions;
import io.cherrypick.peoplevox.model.PvxReturn;
import io.cherrypick.store.Authorisation;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycle;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.Receipt;
import io.cherrypick.store.ReturnState;
import io.cherrypick.store.ReturnStore;
import io.cherrypick.store.ValueMappingStore;

/**
 * The steps of routes/returns.camel.yaml on return authorisations (bean {@code returnAuthorisations}): what a pulled RA
 * changes, whether Peoplevox can take it, and what its outcome means for the RA as customer service sees it
 * ({@code GET /api/returns/{ra}}). The RA is named by header CherrypickRecordKey.
 */
@Component("returnAuthorisations")
public class ReturnAuthorisationSteps {
    /** Header: what a pulled RA is to Cherrypick: NEW, CHANGED (both queued for Peoplevox), UNCHANGED, CLOSED or INVALID. */
    public static final String CHANGE = "CherrypickRaChange";
    /** Header: the units an RA expects (for the note when Peoplevox took it). */
    static final String UNITS = "CherrypickUnits";
    /** Header: the pick (Peoplevox sales order) an RA is for. */
    static final String PICK = "CherrypickPick";
    private static final Logger log = LoggerFactory.getLogger(ReturnAuthorisationSteps.class);

    private final AuthorisationReader reader;
    private final ReturnStore store;
    private final OrderLifecycleStore orders;
    private final ValueMappingStore mappings;
    private final ExceptionStore exceptions;
    private final ExceptionActions actions;
    private final ReturnsProperties props;
    private final ObjectMapper json;
    private final ReturnExceptionFlag exceptionFlag;

    public ReturnAuthorisationSteps(AuthorisationReader reader, ReturnStore store, OrderLifecycleStore orders,
                                    ValueMappingStore mappings, ExceptionStore exceptions, ExceptionActions actions,
                                    ReturnsProperties props, ObjectMapper json, ReturnExceptionFlag exceptionFlag) {
        this.exceptionFlag = exceptionFlag;
        this.reader = reader;
        this.store = store;
        this.orders = orders;
        this.mappings = mappings;
        this.exceptions = exceptions;
        this.actions = actions;
        this.props = props;
        this.json = json;
    }

    /**
     * A pulled RA (body: as Blue Cherry sent it; header CherrypickRevision: its last_mod) is stored: a new one as
     * AUTHORISED (CLOSED_IN_BLUE_CHERRY when Blue Cherry had closed it already: nothing to expect); a changed one (pick,
     * location, reason or lines) replaces its lines; a new last_mod with the same content (e.g. Blue Cherry's status
     * after our own receipt) is only recorded. Header {@link #CHANGE} says which.
     */
    public void pulled(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        JsonNode ra = json.readTree(in.getBody(String.class));
        String lastMod = in.getHeader(Handoff.REVISION, String.class);
        String raNum = AuthorisationReader.text(ra, "ra_num");
        if (raNum.isEmpty()) {
            in.setHeader(CHANGE, "INVALID");
            in.setHeader(Handoff.CATEGORY, Category.VALIDATION.name());
            in.setHeader(Handoff.REASON, "Blue Cherry return authorisation " + in.getHeader(Handoff.RECORD_KEY)
                    + " has no ra_num; it cannot be announced to Peoplevox. Fix it in Blue Cherry (its next change is"
                    + " pulled again).");
            return;
        }
        Optional<Authorisation> known = store.authorisation(raNum);
        String bcStatus = AuthorisationReader.text(ra, "status");
        List<AuthorisedLine> lines = reader.lines(ra);
        if (known.isEmpty()) {
            if (props.closedStatuses().stream().anyMatch(s -> s.equalsIgnoreCase(bcStatus))) {
                store.insert(reader.header(ra, lastMod, ReturnState.CLOSED_IN_BLUE_CHERRY, "Blue Cherry status " + bcStatus
                        + " when first pulled: nothing to expect in Peoplevox"), lines);
                in.setHeader(CHANGE, "CLOSED");
                return;
            }
            store.insert(reader.header(ra, lastMod, ReturnState.AUTHORISED, "queued for Peoplevox"), lines);
            in.setHeader(CHANGE, "NEW");
            return;
        }
        if (known.get().fingerprint().equals(reader.fingerprint(ra))) {
            store.touch(raNum, lastMod, bcStatus);
            in.setHeader(CHANGE, "UNCHANGED");
            return;
        }
        store.replace(reader.header(ra, lastMod, known.get().state(), null), lines,
                "changed in Blue Cherry (revision " + lastMod + "): queued for Peoplevox again");
        in.setHeader(CHANGE, "CHANGED");
    }

    /** Returns held as RETURN_MISMATCH that this RA may now cover go back to their queue to be matched again. */
    public void matchHeldReceiptsAgain(Exchange exchange) throws Exception {
        JsonNode ra = json.readTree(exchange.getIn().getBody(String.class));
        String raNum = AuthorisationReader.text(ra, "ra_num");
        for (Receipt r : store.exceptionsMatching(raNum, AuthorisationReader.text(ra, "pick_num"))) {
            for (ExceptionRecord e : exceptions.openFor(ReturnsFlow.RECEIPT_FLOW, r.key())) {
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

    /**
     * Whether Peoplevox can take a queued RA (body: as pulled): its pick was sent to Peoplevox by the order flow, every
     * line has an ItemCode and a quantity, a site is known. The body becomes the {@link ExpectedReturn} to map, or the
     * RA is held (headers CherrypickCategory and CherrypickReason).
     */
    public void check(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        JsonNode ra = json.readTree(in.getBody(String.class));
        String raNum = in.getHeader(Handoff.RECORD_KEY, String.class);
        Optional<OrderLifecycle> pick = pickOf(ra);
        if (pick.isPresent() && pick.get().revisionSent() == null && sendPending(pick.get())) {
            // the order flow is still sending the pick, or sent it without having recorded it yet (a slow or broken-off
            // save is resent after its claim runs out): the RA waits for it, it is not held for a person
            throw NotYet.forFlow(Category.VALIDATION, "RA " + raNum + " (pick "
                    + pick.get().pickNum() + "): the order flow has not yet recorded sending the pick to Peoplevox (it is "
                    + pick.get().state() + "); tried again later");
        }
        if (pick.isEmpty() || pick.get().revisionSent() == null) {
            hold(in, Category.VALIDATION, "RA " + raNum + ": " + describeMissingPick(ra, pick) + ", so Peoplevox has no"
                    + " sales order to expect the return against. Fix pick_num in Blue Cherry or release the pick, then replay.");
            return;
        }
        List<AuthorisedLine> lines = reader.lines(ra);
        List<String> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add("radetail has no lines");
        }
        for (AuthorisedLine l : lines) {
            if (l.itemCode().isEmpty()) {
                problems.add("line_seq " + l.lineSeq() + " has no Peoplevox ItemCode (" + reader.itemCodeSource() + " is empty)");
            }
            if (l.raQty() <= 0) {
                problems.add("line_seq " + l.lineSeq() + ": ra_qty must be a whole number above 0");
            }
        }
        if (!problems.isEmpty()) {
            hold(in, lines.stream().anyMatch(l -> l.itemCode().isEmpty()) ? Category.SKU_MISMATCH : Category.VALIDATION,
                    "RA " + raNum + " (pick " + pick.get().pickNum() + "): " + String.join("; ", problems));
            return;
        }
        String location = AuthorisationReader.text(ra, "location");
        String site = mappings.lookup(ValueMappingStore.SITE, location).orElse(pick.get().pvxSite());
        if (site == null || site.isBlank()) {
            hold(in, Category.MISSING_WAREHOUSE, "RA " + raNum + ": location '" + location + "' has no Peoplevox site in"
                    + " mapping " + ValueMappingStore.SITE + ", and pick " + pick.get().pickNum() + " has none either");
            return;
        }
        in.setHeader(UNITS, lines.stream().mapToInt(AuthorisedLine::raQty).sum());
        in.setHeader(PICK, pick.get().pickNum());
        in.setBody(new ExpectedReturn(ra, lines, pick.get().pickNum(), site));
    }

    /** Peoplevox took these RAs (a batch of mapped RAs): each is EXPECTED_IN_PEOPLEVOX. */
    public void expected(List<Message> accepted, String part) {
        for (Message m : accepted) {
            String raNum = m.getHeader(Handoff.RECORD_KEY, String.class);
            MappedRecord mapped = m.getBody(MappedRecord.class);
            String note = "expected in Peoplevox: " + mapped.rows(part).size() + " item(s), " + m.getHeader(UNITS)
                    + " unit(s) on sales order " + m.getHeader(PICK);
            if (!store.moveForward(raNum, ReturnState.EXPECTED_IN_PEOPLEVOX, note)) {
                store.note(raNum, note);
            }
            store.flagException(raNum, false);
        }
        if (!accepted.isEmpty()) {
            log.info("{} return authorisation(s) expected in Peoplevox: {}", accepted.size(),
                    accepted.stream().map(m -> m.getHeader(Handoff.RECORD_KEY)).toList());
        }
    }

    /** An RA held, refused or given up: it shows the exception and why. */
    public void flagged(Exchange exchange) {
        String raNum = exchange.getIn().getHeader(Handoff.RECORD_KEY, String.class);
        store.flagException(raNum, true);
        store.note(raNum, exchange.getIn().getHeader(Handoff.REASON, String.class));
    }

    /**
     * An RA whose exception a person resolved or discarded (the queue's skipped hook; header CherrypickSkipReason: who
     * closed it and why): Peoplevox is not told of it; the RA keeps its state, its note says why, and it shows an
     * exception only while another one (a return booked against it) still waits.
     */
    public void skipped(@Header(Handoff.RECORD_KEY) String raNum, @Header(Handoff.SKIP_REASON) String reason) {
        store.note(raNum, "RA not sent to Peoplevox: " + reason);
        exceptionFlag.refresh(raNum);
    }

    /** The pick an RA is for: its pick_num, or the only pick of its ord_num. */
    private Optional<OrderLifecycle> pickOf(JsonNode ra) {
        String pickNum = AuthorisationReader.text(ra, "pick_num");
        if (!pickNum.isEmpty()) {
            return orders.findPick(pickNum);
        }
        String ordNum = AuthorisationReader.text(ra, "ord_num");
        List<OrderLifecycle> picks = ordNum.isEmpty() ? List.of() : orders.find(ordNum);
        return picks.size() == 1 ? Optional.of(picks.get(0)) : Optional.empty();
    }

    /**
     * A pick whose send the order flow has still to record: queued, released and waiting for Peoplevox's answer, or
     * already moving in the warehouse (Peoplevox reported its status, so it holds the order, while the answer to the
     * save that put it there is still to be recorded: a slow or broken-off save under a claim that is taken over).
     */
    private static boolean sendPending(OrderLifecycle pick) {
        return pick.state() == LifecycleState.QUEUED_IN_CHERRYPICK || pick.state() == LifecycleState.RELEASED_TO_PEOPLEVOX
                || pick.state().movedInWarehouse();
    }

    private static String describeMissingPick(JsonNode ra, Optional<OrderLifecycle> pick) {
        String pickNum = AuthorisationReader.text(ra, "pick_num");
        if (pick.isPresent()) {
            return "pick_num " + pick.get().pickNum() + " was never sent to Peoplevox (it is " + pick.get().state() + ")";
        }
        if (!pickNum.isEmpty()) {
            return "pick_num " + pickNum + " is not a pick Cherrypick's order flow sent to Peoplevox";
        }
        String ordNum = AuthorisationReader.text(ra, "ord_num");
        return ordNum.isEmpty() ? "pick_num and ord_num are empty"
                : "pick_num is empty and ord_num " + ordNum + " does not name exactly one pick Cherrypick sent";
    }

    static void hold(Message in, Category category, String reason) {
        in.setHeader(Handoff.CATEGORY, category.name());
        in.setHeader(Handoff.REASON, reason);
        in.setHeader(Handoff.OUTCOME, HandoffStore.HELD);
    }
}
