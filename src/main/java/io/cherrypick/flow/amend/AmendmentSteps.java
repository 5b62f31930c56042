package io.cherrypick.flow.amend;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffRecord;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.SearchClauses;

/**
 * The steps of the amendment flow (bean {@code amendments} in routes/sales-order-amend.camel.yaml): what changed
 * between the revision Peoplevox holds and the new one, the orders' Peoplevox status, and the cut-off.
 */
@Component("amendments")
public class AmendmentSteps {
    /** Header: the change is a cancellation. */
    public static final String CANCEL = "CherrypickCancel";
    /** Header: the change, field by field, before and after (for the lifecycle note and exceptions). */
    public static final String CHANGE = "CherrypickChange";
    /** Header: the change would alter nothing Peoplevox holds. */
    public static final String UNCHANGED = "CherrypickUnchanged";
    /** Header: why the change is past the cut-off (set before the write, or after it when the warehouse moved). */
    public static final String CUTOFF = "CherrypickCutoff";
    /** Header: the order's Peoplevox status before the write, and read again after it. */
    public static final String STATUS = "PeoplevoxStatus";
    public static final String STATUS_AFTER = "PeoplevoxStatusAfter";

    private final HandoffStore handoff;
    private final Mappings mappings;
    private final PeoplevoxClient peoplevox;
    private final AmendmentProperties props;

    public AmendmentSteps(HandoffStore handoff, Mappings mappings, PeoplevoxClient peoplevox, AmendmentProperties props) {
        this.handoff = handoff;
        this.mappings = mappings;
        this.peoplevox = peoplevox;
        this.props = props;
    }

    /**
     * A changed pick (body: the new revision): the body becomes the rows to write, the changed header fields and the
     * added, changed and removed lines ({@link OrderDiff}), compared with the newest revision that went through in
     * {@code queues} (comma-separated), both mapped by {@code mapping}. Without such a revision the change cannot be
     * applied: the dead-letter headers say so.
     */
    public void change(Exchange exchange, String mapping, String queues) {
        Message in = exchange.getIn();
        String pickNum = in.getHeader(Handoff.RECORD_KEY, String.class);
        Optional<MappedRecord> before = baseline(in, mapping, queues);
        if (before.isEmpty()) {
            return;
        }
        OrderDiff diff = OrderDiff.between(before.get(), mappings.map(mapping, in.getBody(Pick.class), in.getHeaders()));
        Map<String, String> header = new LinkedHashMap<>();
        header.put("SalesOrderNumber", pickNum);
        diff.headerChanges().forEach((field, values) -> header.put(field, values[1]));
        header.put(OrderDiff.REVISION_FIELD, in.getHeader(Handoff.REVISION, String.class));
        in.setBody(new MappedRecord(Map.of("header", List.of(header), "lines", diff.lineRows())));
        in.setHeader(CANCEL, false);
        in.setHeader(UNCHANGED, diff.isEmpty());
        in.setHeader(CHANGE, diff.describe());
    }

    /** A voided or cancelled pick (body: the new revision): the body becomes the one row that cancels the order. */
    public void cancellation(Exchange exchange, String mapping, String queues) {
        Message in = exchange.getIn();
        String status = in.getBody(Pick.class).getOrdStatus();
        if (baseline(in, mapping, queues).isEmpty()) {
            return;
        }
        Map<String, String> header = new LinkedHashMap<>();
        header.put("SalesOrderNumber", in.getHeader(Handoff.RECORD_KEY, String.class));
        header.put("Status", props.cancelledStatus());
        header.put(OrderDiff.REVISION_FIELD, in.getHeader(Handoff.REVISION, String.class));
        in.setBody(new MappedRecord(Map.of("header", List.of(header))));
        in.setHeader(CANCEL, true);
        in.setHeader(UNCHANGED, false);
        in.setHeader(CHANGE, "cancelled in Blue Cherry (ord_status " + status + ")");
    }

    private Optional<MappedRecord> baseline(Message in, String mapping, String queues) {
        String pickNum = in.getHeader(Handoff.RECORD_KEY, String.class);
        Optional<HandoffRecord> sent = handoff.lastDone(Arrays.stream(queues.split(",")).map(String::trim).toList(), pickNum);
        if (sent.isEmpty()) {
            in.setHeader(Handoff.CATEGORY, Category.INTERNAL.name());
            in.setHeader(Handoff.REASON, "Pick " + pickNum + " change arrived but no revision of it was ever sent to Peoplevox");
            return Optional.empty();
        }
        return Optional.of(mappings.map(mapping, sent.get().payload(), in.getHeaders()));
    }

    /** Reads the Peoplevox status of every order of the batch (one GetData) into header {@code header} of each. */
    public void readStatuses(List<Message> changes, String header) {
        if (changes.isEmpty()) {
            return;
        }
        String clause = SearchClauses.anyEquals("SalesOrderNumber",
                changes.stream().map(m -> m.getHeader(Handoff.RECORD_KEY, String.class)).toList());
        Map<String, String> statuses = new HashMap<>();
        peoplevox.getData("Sales orders", clause).rows().forEach(r -> statuses.put(r.get("SalesOrderNumber"), r.get("Status")));
        changes.forEach(m -> m.setHeader(header, statuses.get(m.getHeader(Handoff.RECORD_KEY, String.class))));
    }

    /**
     * The status name of header {@link #STATUS} (a numeric id becomes its name by status-numbers; a number not listed
     * stays as it is, and so counts as unknown): what the route compares with the cancelled and cut-off statuses.
     */
    public String statusName(Message in) {
        return name(in.getHeader(STATUS, String.class));
    }

    private String name(String status) {
        if (status == null) {
            return null;
        }
        String s = status.trim();
        return props.statusNumbers().stream().filter(n -> n.number().trim().equals(s)).map(n -> n.name().trim())
                .findFirst().orElse(s);
    }

    /**
     * Whether Cherrypick must leave an order in this Peoplevox status alone: the warehouse has started on it
     * (cutoff-statuses), or the status is none Cherrypick knows (not open, cut-off or cancelled; an unlisted number; no
     * status at all). The cut-off fails closed.
     */
    public boolean pastCutoff(String status) {
        String name = name(status);
        return !isIn(name, props.openStatuses()) && !isIn(name, List.of(props.cancelledStatus()));
    }

    /** Whether the order's status (header {@link #STATUS}) is past the cut-off ({@link #pastCutoff(String)}). */
    public boolean statusPastCutoff(Message in) {
        return pastCutoff(in.getHeader(STATUS, String.class));
    }

    /** Why an order in its status (header {@link #STATUS}) is past the cut-off, for the AFTER_CUTOFF exception. */
    public String cutoffReason(Message in) {
        return reasonPastCutoff(in.getHeader(STATUS, String.class));
    }

    /** Why an order in this status is past the cut-off, for the AFTER_CUTOFF exception (null when it is not). */
    String reasonPastCutoff(String status) {
        if (!pastCutoff(status)) {
            return null;
        }
        String name = name(status);
        if (isIn(name, props.cutoffStatuses())) {
            return "the warehouse has started (Peoplevox status " + name + ")";
        }
        return unknownStatus(status);
    }

    private String unknownStatus(String status) {
        String shown = status == null || status.isBlank() ? "(none)" : "'" + status.trim() + "'";
        return "Peoplevox status " + shown + " is not one Cherrypick knows, so the order counts as past the cut-off"
                + " (known: open " + props.openStatuses() + ", cut-off " + props.cutoffStatuses() + ", cancelled "
                + props.cancelledStatus() + (props.statusNumbers().isEmpty() ? "; no status numbers" : "; numbers "
                + props.statusNumbers().stream().map(n -> n.number() + "=" + n.name()).collect(Collectors.joining(", ")))
                + "); once the meaning is confirmed, add it to cherrypick.flows.sales-order-change.open-statuses or"
                + " cutoff-statuses (a number to status-numbers)";
    }

    private static boolean isIn(String name, List<String> statuses) {
        return name != null && statuses.stream().anyMatch(s -> s.trim().equalsIgnoreCase(name));
    }

    /**
     * After the write: when the warehouse moved past the cut-off between the status read and the write (the status read
     * again says so), sets header {@link #CUTOFF} to say what happened, unless it was a cancellation Peoplevox took.
     */
    public void raceWithWarehouse(Exchange exchange) {
        Message in = exchange.getIn();
        String after = in.getHeader(STATUS_AFTER, in.getHeader(STATUS, String.class), String.class);
        boolean saved = !Boolean.FALSE.equals(in.getHeader(io.cherrypick.peoplevox.Peoplevox.SAVED, Boolean.class));
        boolean cancel = Boolean.TRUE.equals(in.getHeader(CANCEL, Boolean.class));
        if (pastCutoff(after) && !(cancel && saved)) {
            String moved = isIn(name(after), props.cutoffStatuses()) ? "the warehouse moved to " + name(after)
                    : "Peoplevox answered status " + (after == null || after.isBlank() ? "(none)" : "'" + after.trim() + "'")
                    + ", which Cherrypick does not know,";
            in.setHeader(CUTOFF, moved + " while the change was being applied" + (saved
                    ? "; check the order in Peoplevox"
                    : " and Peoplevox refused it: " + in.getHeader(io.cherrypick.peoplevox.Peoplevox.REFUSAL, String.class)));
        }
    }
}
