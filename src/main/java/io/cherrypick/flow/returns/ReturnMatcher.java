package io.cherrypick.flow.returns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.cherrypick.bluecherry.model.AuthorisedLine;
import io.cherrypick.peoplevox.model.PvxReturn;
import io.cherrypick.store.Authorisation;
import io.cherrypick.store.ReturnStore.LineKey;

/**
 * Decides which authorised RA lines a received return is credited to, or why it cannot be (a sentence for the
 * warehouse). The RA named by the return's RMA number comes first, then the other RAs of its sales order, each in line
 * order; a line takes what is still open on it (authorised minus already credited).
 * <ul>
 * <li>no matching sales order: no known RA is named and the sales order is not one Cherrypick sent to Peoplevox;</li>
 * <li>no authorisation: no RA of the sales order (or the named one) authorises the item;</li>
 * <li>over-return: the authorised lines leave fewer units open than were booked in (the whole return waits: a person
 * decides about the extra units, e.g. raises a further RA in Blue Cherry, which matches it again).</li>
 * </ul>
 */
final class ReturnMatcher {
    private ReturnMatcher() {
    }

    /** What is known about a return's authorisation when it is sent. */
    record Facts(PvxReturn received, Optional<Authorisation> named, List<Authorisation> ofOrder, boolean orderKnown,
                 List<AuthorisedLine> lines, Map<LineKey, Integer> credited) {
    }

    /** Units per RA line, or the reason there are none. */
    record Match(Map<LineKey, Integer> credits, List<AuthorisedLine> lines, String problem) {
        boolean ok() {
            return problem == null;
        }

        /** The RAs credited, in order. */
        List<String> raNums() {
            return credits.keySet().stream().map(LineKey::raNum).distinct().toList();
        }
    }

    static Match match(Facts f) {
        PvxReturn r = f.received();
        String subject = "Return " + r.returnCode() + " item " + r.itemCode() + " (" + r.quantity() + " unit(s)"
                + (r.salesOrderNumber().isEmpty() ? "" : ", sales order " + r.salesOrderNumber()) + ")";
        String rmaText = r.rmaNumber().isEmpty() ? "no RmaNumber was given"
                : "RmaNumber '" + r.rmaNumber() + "' is not a return authorisation Cherrypick received from Blue Cherry";
        if (f.named().isPresent()) {
            Authorisation ra = f.named().get();
            if (!r.salesOrderNumber().isEmpty() && ra.pickNum() != null && !ra.pickNum().isEmpty()
                    && !ra.pickNum().equals(r.salesOrderNumber())) {
                return problem(subject + ": RA " + ra.raNum() + " authorises returns of pick " + ra.pickNum()
                        + ", but Peoplevox booked this return against SalesOrderNumber " + r.salesOrderNumber()
                        + " (no matching sales order)");
            }
        } else if (r.salesOrderNumber().isEmpty() || !f.orderKnown()) {
            return problem(subject + ": no authorisation and no matching sales order: " + rmaText + ", and "
                    + (r.salesOrderNumber().isEmpty() ? "SalesOrderNumber is empty"
                    : "SalesOrderNumber '" + r.salesOrderNumber() + "' is not an order Cherrypick sent to Peoplevox"));
        }
        List<String> order = new ArrayList<>();
        f.named().ifPresent(ra -> order.add(ra.raNum()));
        f.ofOrder().stream().map(Authorisation::raNum).filter(n -> !order.contains(n)).forEach(order::add);
        List<AuthorisedLine> candidates = f.lines().stream()
                .filter(l -> order.contains(l.raNum()) && l.itemCode().equals(r.itemCode()))
                .sorted(Comparator.comparingInt((AuthorisedLine l) -> order.indexOf(l.raNum())).thenComparingInt(AuthorisedLine::lineSeq))
                .toList();
        if (candidates.isEmpty()) {
            String where = f.named().map(ra -> "RA " + ra.raNum() + (order.size() > 1 ? " and the other RAs of the sales order" : ""))
                    .orElse(order.isEmpty() ? "" : "RA(s) " + String.join(", ", order) + " of the sales order");
            return problem(subject + ": no authorisation: " + (where.isEmpty()
                    ? "Blue Cherry has no return authorisation for sales order " + r.salesOrderNumber() + " (" + rmaText + ")"
                    : where + " do(es) not authorise item " + r.itemCode()));
        }
        Map<LineKey, Integer> credits = new LinkedHashMap<>();
        int remaining = r.quantity();
        int authorised = 0;
        int open = 0;
        for (AuthorisedLine l : candidates) {
            LineKey key = new LineKey(l.raNum(), l.lineSeq());
            int lineOpen = Math.max(0, l.raQty() - f.credited().getOrDefault(key, 0));
            authorised += l.raQty();
            open += lineOpen;
            int take = Math.min(lineOpen, remaining);
            if (take > 0) {
                credits.put(key, take);
                remaining -= take;
            }
        }
        if (remaining > 0) {
            String ras = candidates.stream().map(AuthorisedLine::raNum).distinct().collect(Collectors.joining(", "));
            return problem(subject + ": more units than authorised: RA " + ras + " authorise(s) " + authorised
                    + " unit(s) of item " + r.itemCode() + ", " + (authorised - open) + " already received, so only " + open
                    + " remain open; " + r.quantity() + " were booked in");
        }
        return new Match(credits, candidates, null);
    }

    private static Match problem(String sentence) {
        return new Match(Map.of(), List.of(), sentence);
    }
}
