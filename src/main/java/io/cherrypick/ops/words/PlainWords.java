package io.cherrypick.ops.words;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.PurchaseOrderStore;
import io.cherrypick.store.ReceiptState;
import io.cherrypick.store.ReturnState;

/**
 * The one table of plain words: every state, category, team, status and flow Cherrypick stores as a constant, with the
 * name people read and what it means. The console shows the plain name (the constant in a tooltip), the CSV exports
 * write it, {@code GET /api/words} serves it, and the manual's tables are kept equal to it (ManualWordsTest).
 */
public final class PlainWords {
    /** A constant, its plain name and one sentence saying what it means. */
    public record Word(String constant, String plain, String meaning) {
    }

    /**
     * An exception category as support reads it: what it means, which team owns it, the usual fix and when a replay
     * helps.
     */
    public record Guide(String constant, String plain, String meaning, String owner, String ownerPlain, String usualFix,
                        String whenToReplay) {
    }

    /** The groups of words, by the name the API, the console and the lists use for them. */
    public static final String ORDER_STATE = "orderState";
    public static final String RETURN_STATE = "returnState";
    public static final String RECEIPT_STATE = "receiptState";
    public static final String PURCHASE_ORDER_STATE = "purchaseOrderState";
    public static final String DELIVERY_STATE = "deliveryState";
    public static final String CATEGORY = "category";
    public static final String OWNER = "owner";
    public static final String EXCEPTION_STATUS = "exceptionStatus";
    public static final String RECORD_STATUS = "recordStatus";
    public static final String FLOW = "flow";
    public static final String ACTION = "action";

    /** The stock flow's queues, one per sales channel: stock-channel:<channel>. */
    private static final String STOCK_CHANNEL = "stock-channel:";

    private static final Map<String, Map<String, Word>> GROUPS = new LinkedHashMap<>();
    private static final Map<String, Guide> GUIDES = new LinkedHashMap<>();

    static {
        group(ORDER_STATE,
                word(LifecycleState.QUEUED_IN_CHERRYPICK, "Waiting to be sent",
                        "Taken from Blue Cherry; Cherrypick sends it to the warehouse within moments."),
                word(LifecycleState.HELD_IN_BLUE_CHERRY, "Held: needs a fix",
                        "Not sent to the warehouse: a person must fix the cause named in its exception (an unknown item,"
                                + " a location without a warehouse), then replay it."),
                word(LifecycleState.RELEASED_TO_PEOPLEVOX, "Sent to the warehouse",
                        "Sent to Peoplevox; waiting for Peoplevox to accept it."),
                word(LifecycleState.ACKNOWLEDGED, "Accepted by the warehouse",
                        "Peoplevox has the order; the warehouse has not allocated stock to it yet."),
                word(LifecycleState.ALLOCATED, "Stock allocated", "The warehouse has set stock aside; picking comes next."),
                word(LifecycleState.PICKING, "Being picked", "The warehouse is picking and packing it."),
                word(LifecycleState.DESPATCHED, "Despatched",
                        "Shipped by the warehouse; the despatch is on its way to Blue Cherry."),
                word(LifecycleState.CONFIRMED_IN_BLUE_CHERRY, "Confirmed in Blue Cherry",
                        "Blue Cherry has the shipment and can invoice it. Finished."),
                word(LifecycleState.CANCELLED, "Cancelled", "Cancelled in Blue Cherry (and in Peoplevox if it had it). Finished."),
                word(LifecycleState.SKIPPED, "Not sent (on purpose)",
                        "A rule of the order flow chose not to send it to the warehouse, or support closed its exception"
                                + " without sending it; the note says why (and who). Finished."));
        group(RETURN_STATE,
                word(ReturnState.AUTHORISED, "Authorised", "A return authorisation (RA) from Blue Cherry, not yet known to"
                        + " the warehouse."),
                word(ReturnState.EXPECTED_IN_PEOPLEVOX, "Expected by the warehouse",
                        "Peoplevox knows the return is coming and what to expect."),
                word(ReturnState.RECEIVED, "Received by the warehouse",
                        "The warehouse booked goods in against it; the receipt is on its way to Blue Cherry."),
                word(ReturnState.CONFIRMED_IN_BLUE_CHERRY, "Credited in Blue Cherry",
                        "Blue Cherry has the return receipt and can credit the customer."),
                word(ReturnState.CLOSED_IN_BLUE_CHERRY, "Closed in Blue Cherry",
                        "Blue Cherry had closed it before Cherrypick saw it: nothing to expect."));
        group(RECEIPT_STATE,
                word(ReceiptState.RECEIVED, "Received", "Booked in by the warehouse, waiting to go to Blue Cherry."),
                word(ReceiptState.CONFIRMED_IN_BLUE_CHERRY, "Credited in Blue Cherry", "Blue Cherry took the receipt."),
                word(ReceiptState.EXCEPTION, "Needs a person", "Held or refused: see its exception."),
                word(ReceiptState.NOT_SENT, "Not sent (on purpose)", "Support closed its exception without sending it to"
                        + " Blue Cherry; the note says who and why. Finished."));
        group(PURCHASE_ORDER_STATE,
                word(PurchaseOrderStore.State.QUEUED, "Waiting to be sent",
                        "Taken from Blue Cherry; Cherrypick tells the warehouse within moments (unless an exception holds it)."),
                word(PurchaseOrderStore.State.SENT_TO_PEOPLEVOX, "Expected by the warehouse",
                        "Peoplevox has the purchase order and expects the delivery; nothing received yet."),
                word(PurchaseOrderStore.State.PARTLY_RECEIVED, "Partly received",
                        "Some units were booked in and posted to Blue Cherry; the rest is still expected."),
                word(PurchaseOrderStore.State.RECEIVED, "Received", "Every line was booked in and posted to Blue Cherry. Finished."),
                word(PurchaseOrderStore.State.CANCELLED, "Cancelled",
                        "Left the open stage in Blue Cherry before anything arrived; cancelled in Peoplevox. Finished."),
                word(PurchaseOrderStore.State.CLOSED, "Closed", "Closed in Blue Cherry after goods arrived. Finished."));
        group(DELIVERY_STATE,
                word("RECEIVED", "Booked in", "Booked in by the warehouse, on its way to Blue Cherry as a production receipt."),
                word("POSTED", "Posted to Blue Cherry", "Blue Cherry took the receipt: it counts against the purchase order."),
                word("EXCEPTION", "Needs a person", "Held or refused: see its exception."),
                word("NOT_SENT", "Not sent (on purpose)", "Support closed its exception without posting it to Blue Cherry;"
                        + " the note says who and why. Finished."));
        group(OWNER,
                word(Owner.SUPPORT, "Support", "Watches the flows, fixes data and mappings, replays."),
                word(Owner.WAREHOUSE, "Warehouse", "Checks goods, returns and what Peoplevox holds."),
                word(Owner.FINANCE, "Finance", "Reconciles orders, despatches, invoices and stock."),
                word(Owner.CX, "Customer service", "Talks to the customer; decides on late changes."),
                word(Owner.DATA, "Product data", "Keeps the item master (styles, SKUs, barcodes) right in Blue Cherry."),
                word(Owner.PURCHASING, "Purchasing", "Raises purchase orders in Blue Cherry and settles deliveries with"
                        + " suppliers."));
        group(EXCEPTION_STATUS,
                word("OPEN", "Open", "Waiting for a person."),
                word("REPLAYED", "Replayed", "Sent again by a person; closes by itself when the record goes through."),
                word("RESOLVED", "Resolved", "Closed: fixed, or it went through later."),
                word("DISCARDED", "Discarded", "Closed: not to be sent (with the reason given)."));
        group(RECORD_STATUS,
                word("PENDING", "Waiting", "Stored and waiting for its turn (or for its next try after a fault)."),
                word("CLAIMED", "Being worked on", "An instance of Cherrypick is working on it now."),
                word("DONE", "Done", "Went through."),
                word("SKIPPED", "Skipped", "Not sent on purpose; the note says why."),
                word("HELD", "Held", "Waiting for a person: see its exception."),
                word("FAILED", "Failed", "Failed after every retry: see its exception."),
                word("SUPERSEDED", "Replaced", "A newer revision of the same record replaced it before it was sent."));
        group(FLOW,
                word("item", "Items to Peoplevox", "Blue Cherry styles and SKUs become Peoplevox item types."),
                word("sales-order", "Orders to Peoplevox", "Released Blue Cherry pick tickets become Peoplevox sales orders."),
                word("sales-order-change", "Order changes to Peoplevox",
                        "Changes and cancellations of orders already in Peoplevox, until the cut-off."),
                word("despatch-events", "Warehouse order events", "What Peoplevox tells Cherrypick about orders and despatches."),
                word("despatch", "Despatches to Blue Cherry", "Peoplevox despatches become Blue Cherry order shipments."),
                word("stock-events", "Stock changes from Peoplevox", "Availability changes Peoplevox reports."),
                word("stock", "Stock", "Stock to the sales channels and Blue Cherry, and the stock reconciliation."),
                word("return-authorisation", "Return authorisations to Peoplevox",
                        "Blue Cherry return authorisations become expected returns in Peoplevox."),
                word("return-receipt-events", "Returns received (events)", "What Peoplevox tells Cherrypick about returns."),
                word("return-receipt", "Return receipts to Blue Cherry",
                        "Returns the warehouse received become Blue Cherry return receipts."),
                word("returns", "Returns", "Return authorisations and receipts."),
                word("purchase-order", "Purchase orders to Peoplevox",
                        "Blue Cherry purchase orders become Peoplevox purchase orders the warehouse expects."),
                word("goods-receipt-events", "Deliveries received (events)", "What Peoplevox tells Cherrypick about goods in."),
                word("goods-receipt", "Goods receipts to Blue Cherry",
                        "Deliveries the warehouse booked in become Blue Cherry production receipts."),
                word("inbound", "Inbound", "Purchase orders and the goods received against them."),
                word("alerts", "Alerts", "Messages to the team's chat."),
                word("ops", "Console history", "The per-minute history the console's charts read."));
        group(ACTION,
                word("REPLAY", "Replayed", "Sent an exception's record again."),
                word("RESOLVE", "Resolved", "Closed an exception as fixed."),
                word("DISCARD", "Discarded", "Closed an exception as not to be sent."),
                word("MAP", "Mapping set", "Added or changed a mapping value."),
                word("UNMAP", "Mapping removed", "Removed a mapping value."),
                word("RECONCILE", "Stock reconciled", "Started a stock reconciliation."),
                word("FULL_OVERLAY", "Full stock overlay", "Sent every stock level to Blue Cherry."));

        guide(Category.SKU_MISMATCH, "Item unknown to Peoplevox",
                "A line names an item (SKU) Peoplevox does not have: the item master never sent it, holds it for a"
                        + " problem of its own, or the code on the line is wrong.",
                "Open the item's own exceptions (the link below): a style held by the item master is the usual cause; fix"
                        + " it in Blue Cherry and the item flow sends it. If the code on the order is wrong, correct the"
                        + " order in Blue Cherry.",
                "Orders held for a missing item are sent by themselves once Peoplevox has all their items. Replay only"
                        + " one still held after that.");
        guide(Category.MISSING_WAREHOUSE, "Location without a warehouse",
                "The Blue Cherry location on the record is not mapped to a Peoplevox site, so Cherrypick does not know"
                        + " which warehouse should handle it.",
                "An admin adds the location under Mappings, kind site (location to Peoplevox site reference).",
                "Right after the mapping is added: replay every open one of this category at once.");
        guide(Category.VALIDATION, "Missing or wrong field",
                "A field the other system needs is missing or wrong: an empty ship-to address line, a quantity that is"
                        + " not a whole number, a shipper or carrier without a mapping. The message names the record, the"
                        + " line and the field.",
                "Correct the record in Blue Cherry (the corrected revision comes by itself), or, when the message names"
                        + " a mapping, have an admin add it.",
                "After a mapping was added: replay. After a correction in Blue Cherry: no need, the new revision is sent"
                        + " and this exception closes by itself.");
        guide(Category.REJECTED, "Refused by the other system",
                "Peoplevox or Blue Cherry refused the record; its own words are in the message.",
                "Read the system's words and fix the data where it comes from; ask an admin when they name a setting.",
                "Once the cause is fixed.");
        guide(Category.DUPLICATE, "Already there, or maybe there",
                "The other system already has this record, or may have it: an earlier send broke off without an answer.",
                "Check the other system: when it holds the record once, resolve; when the message says it may not, and the"
                        + " other system does not have it, replay.",
                "Only when the other system does not have it.");
        guide(Category.DUPLICATE_BARCODE, "Barcode used twice",
                "Two Blue Cherry SKUs carry the same item code or barcode; Peoplevox allows one item per code.",
                "Correct the UPC or EAN of one of them in Blue Cherry; the item flow then sends it.",
                "No need: the corrected style is sent by itself.");
        guide(Category.DRIFT, "Changed by hand in Peoplevox",
                "The item in Peoplevox differs from what Cherrypick sent: edited or created by hand in Peoplevox, or"
                        + " deleted there.",
                "Decide which is right. Blue Cherry is the master: change it there, or undo the hand edit in Peoplevox."
                        + " Then resolve with what was decided.",
                "Never: nothing waits to be sent.");
        guide(Category.AFTER_CUTOFF, "Changed after the cut-off",
                "Blue Cherry changed or cancelled an order the warehouse had already started (allocated or later)."
                        + " Cherrypick left Peoplevox alone; the message lists what changed, before and after.",
                "Call the warehouse: change the order in Peoplevox by hand, or let it ship as it is and tell the"
                        + " customer. Then resolve, saying what was decided.",
                "Never: a replay would not send a change past the cut-off.");
        guide(Category.API_TIMEOUT, "System did not answer in time",
                "Peoplevox or Blue Cherry took too long, again and again, although Cherrypick retried with growing"
                        + " pauses.",
                "Check whether the system is up (the overview's Peoplevox calls chart and the flows' backlog show it)."
                        + " Nothing in the record is wrong.",
                "As soon as calls succeed again: replay every open one of this category at once.");
        guide(Category.API_ERROR, "System error",
                "The other system answered with an error, an error page or an answer Cherrypick could not read, after"
                        + " every retry.",
                "Check the system is up; if the message names a record's data, fix that. Tell the admin if it repeats.",
                "When the system works again: replay every open one of this category at once.");
        guide(Category.AUTH, "Sign-in to the system refused",
                "Peoplevox or Blue Cherry refused Cherrypick's credentials: a password or key was changed or expired.",
                "An admin sets the current credential (admin manual: rotating secrets) and restarts Cherrypick.",
                "After the credential is fixed: replay every open one of this category.");
        guide(Category.RATE_LIMITED, "Too many calls to Peoplevox",
                "Peoplevox refused calls because its budget of about 15 calls per 15 seconds was used up, after every"
                        + " retry.",
                "Look at the Peoplevox calls chart: another program may be using the same budget. An admin can leave"
                        + " it more room (cherrypick.peoplevox.rate-limit.safety-margin) or switch pacing back on"
                        + " (cherrypick.peoplevox.rate-limit.enabled: auto).",
                "When the calls are back under the budget: replay every open one of this category.");
        guide(Category.MALFORMED_EVENT, "Unreadable event from Peoplevox",
                "An event Peoplevox posted could not be read (a field missing, or not a number).",
                "Nothing to fix in the record: the scheduled report poll brings the same despatch or return. Tell the"
                        + " admin if it repeats.",
                "Usually never: resolve once the despatch or return arrived through the report.");
        guide(Category.RETURN_MISMATCH, "Return does not match its authorisation",
                "The warehouse received a return without a matching return authorisation (RA), order or item, or more"
                        + " units than authorised.",
                "Check the parcel against the RA. RA missing or wrong: customer service creates or corrects it in Blue"
                        + " Cherry, and the return is matched again by itself. Wrong item or quantity booked: correct it"
                        + " in Peoplevox.",
                "No need once the RA arrives; replay after a correction in Peoplevox.");
        guide(Category.RECEIPT_MISMATCH, "Delivery does not match a purchase order",
                "The warehouse booked in goods against a purchase order Cherrypick does not know, one that is closed or"
                        + " cancelled, or an item that is not on the purchase order.",
                "Check the delivery note against the purchase order. Wrong purchase order or item booked: correct it in"
                        + " Peoplevox. Purchase order missing in Blue Cherry: purchasing raises it (stage 3), then replay.",
                "After the correction in Peoplevox or Blue Cherry.");
        guide(Category.OVER_RECEIPT, "More delivered than ordered",
                "The warehouse booked in more units of an item than the purchase order line still expects, beyond the"
                        + " tolerance Blue Cherry accepts.",
                "Purchasing agrees the extra units with the supplier: raise the line's quantity in Blue Cherry (before"
                        + " the first receipt it reaches Peoplevox by itself) or have the surplus returned.",
                "After the purchase order line was raised in Blue Cherry; discard when the surplus goes back.");
        guide(Category.PURCHASE_ORDER_CHANGED, "Purchase order changed after goods arrived",
                "Blue Cherry changed or cancelled a purchase order after the warehouse had received goods against it."
                        + " Peoplevox keeps the order as it was; the message lists every field that differs.",
                "Purchasing settles the change with the supplier and the warehouse (for example a new purchase order for"
                        + " the rest).",
                "Never: discard it once settled.");
        guide(Category.INTERNAL, "Cherrypick fault",
                "Something failed inside Cherrypick, or a scheduled run (key schedule:...) failed. The message names it.",
                "Tell the admin, with the exception number. A failed scheduled run closes by itself when it next"
                        + " succeeds.",
                "After the admin fixed the cause.");
        Map<String, Word> categories = new LinkedHashMap<>();
        GUIDES.values().forEach(g -> categories.put(g.constant(), new Word(g.constant(), g.plain(), g.meaning())));
        GROUPS.put(CATEGORY, categories);
    }

    private PlainWords() {
    }

    /** The plain name of a constant of a group; the constant itself when the table does not know it. */
    public static String plain(String group, Object constant) {
        if (constant == null) {
            return "";
        }
        return word(group, constant instanceof Enum<?> e ? e.name() : constant.toString()).plain();
    }

    /** The word of a constant of a group; the constant itself, with no meaning, when the table does not know it. */
    public static Word word(String group, String constant) {
        Word word = GROUPS.getOrDefault(group, Map.of()).get(constant);
        if (word == null && FLOW.equals(group) && constant != null && constant.startsWith(STOCK_CHANNEL)) {
            String channel = constant.substring(STOCK_CHANNEL.length());
            return new Word(constant, "Stock to sales channel " + channel,
                    "Stock levels told to the sales channel " + channel + " (one queue per channel).");
        }
        return word == null ? new Word(constant, constant, "") : word;
    }

    /** Every group, in the table's order. */
    public static Map<String, List<Word>> all() {
        Map<String, List<Word>> all = new LinkedHashMap<>();
        GROUPS.forEach((name, words) -> all.put(name, List.copyOf(words.values())));
        return all;
    }

    /** The guided fix of every category. */
    public static List<Guide> guides() {
        return List.copyOf(GUIDES.values());
    }

    public static Guide guide(Category category) {
        return GUIDES.get(category.name());
    }

    private static Word word(Object constant, String plain, String meaning) {
        return new Word(constant instanceof Enum<?> e ? e.name() : constant.toString(), plain, meaning);
    }

    private static void group(String name, Word... words) {
        Map<String, Word> byConstant = new LinkedHashMap<>();
        for (Word w : words) {
            byConstant.put(w.constant(), w);
        }
        GROUPS.put(name, byConstant);
    }

    private static void guide(Category category, String plain, String meaning, String usualFix, String whenToReplay) {
        Owner owner = category.defaultOwner();
        GUIDES.put(category.name(), new Guide(category.name(), plain, meaning, owner.name(), plain(OWNER, owner), usualFix,
                whenToReplay));
    }
}
