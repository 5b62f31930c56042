package io.cherrypick.flow.stock;

import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.flow.stock.ChannelRules.Rules;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.store.ChannelTold;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.SkuSite;
import io.cherrypick.store.StockLevel;
import io.cherrypick.store.StockLevels;

/**
 * The steps of a channel's route (template stock-to-channel; bean {@code stockChannelPushes}). Each record of the
 * channel's queue is a push of one SKU at one site, due once its coalescing window closed:
 * <ul>
 * <li>{@link #prepare}: what the channel should show now, available to sell = the level held now minus the buffer
 * (never below 0), and whether it is worth telling (it differs from what the channel was last told; in peak mode it
 * crosses a threshold or moves enough);</li>
 * <li>{@link #updates}: the call's body, {@code {"updates":[{"sku","site","available","observedAt"}]}};</li>
 * <li>{@link #told}: what the channel was told, recorded when it took the call;</li>
 * <li>{@link #failed} and {@link #retryLater}: why a call failed, whether the outage should show as an exception
 * {@code channel:<name>} (after {@code channelAlertAfter} failed attempts, at once when the channel refuses the data),
 * and the transient failure that makes the hand-off try every level of the call again with backoff, without end.</li>
 * </ul>
 */
@Component("stockChannelPushes")
public class StockChannelPushes {
    static final String AVAILABLE_TO_SELL = "StockAvailableToSell";
    static final String OBSERVED_AT = "StockObservedAt";
    static final String TELL = "StockTell";
    static final String ALERT = "StockAlert";
    static final String CHANNEL = "StockChannel";
    static final String PUSHES = "StockPushes";
    static final String FAILURE = "StockFailure";
    /** Until when an earlier push of the level that broke off may still land at the channel (none: absent). */
    static final String LATE_UNTIL = "StockLateUntil";
    private static final Logger log = LoggerFactory.getLogger(StockChannelPushes.class);

    /** Failed attempts before a channel's outage shows as an exception. */
    private final int alertAfter;
    /** How long a push that broke off may still be applied by the channel. */
    private final java.time.Duration lateApply;
    private final StockLevels levels;
    private final ChannelTold told;
    private final ChannelRules channelRules;
    private final ExceptionStore exceptions;

    public StockChannelPushes(StockProperties props, StockLevels levels, ChannelTold told, ChannelRules channelRules,
                              ExceptionStore exceptions) {
        this.alertAfter = props.channelAlertAfter();
        this.lateApply = props.channelLateApply();
        this.levels = levels;
        this.told = told;
        this.channelRules = channelRules;
        this.exceptions = exceptions;
    }

    /**
     * Decides, for each push of the batch, what the channel should show and whether to tell it (two queries): a level
     * an earlier push of which broke off is told whatever the channel was told, since that push may still land.
     */
    public List<Message> prepare(List<Message> pushes, String channel) {
        List<SkuSite> keys = pushes.stream().map(m -> SkuSite.ofKey(m.getHeader(Handoff.RECORD_KEY, String.class))).toList();
        Map<SkuSite, StockLevel> held = levels.of(keys);
        Map<SkuSite, ChannelTold.Last> last = told.last(channel, keys);
        Rules rules = channelRules.current();
        for (int i = 0; i < pushes.size(); i++) {
            Message push = pushes.get(i);
            StockLevel level = held.get(keys.get(i));
            if (level == null) {
                push.setHeader(TELL, false); // nothing held to tell
                continue;
            }
            ChannelTold.Last before = last.get(keys.get(i));
            Instant lateUntil = before == null ? null : before.lateUntil();
            int ats = rules.availableToSell(level.itemCode(), level.site(), level.available());
            push.setHeader(AVAILABLE_TO_SELL, ats);
            push.setHeader(OBSERVED_AT, level.observedAt());
            push.setHeader(LATE_UNTIL, lateUntil);
            push.setHeader(TELL, lateUntil != null || rules.worthPushing(before == null ? null : before.available(), ats));
        }
        return pushes;
    }

    public boolean anyToTell(List<Message> pushes) {
        return pushes.stream().anyMatch(StockChannelPushes::tell);
    }

    /** The body of the channel call: the levels worth telling, in SKU and site order. */
    public Map<String, Object> updates(List<Message> pushes) {
        List<Map<String, Object>> updates = new ArrayList<>();
        for (Message push : pushes) {
            if (!tell(push)) {
                continue;
            }
            SkuSite key = SkuSite.ofKey(push.getHeader(Handoff.RECORD_KEY, String.class));
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("sku", key.itemCode());
            update.put("site", key.site());
            update.put("available", push.getHeader(AVAILABLE_TO_SELL, Integer.class));
            update.put("observedAt", push.getHeader(OBSERVED_AT, Instant.class).toString());
            updates.add(update);
        }
        return Map.of("updates", updates);
    }

    /** Records what the channel took (run in the transaction that settles the pushes). */
    public void told(List<Message> pushes, String channel) {
        List<ChannelTold.Told> records = new ArrayList<>();
        for (Message push : pushes) {
            if (tell(push)) {
                SkuSite key = SkuSite.ofKey(push.getHeader(Handoff.RECORD_KEY, String.class));
                records.add(new ChannelTold.Told(channel, key.itemCode(), key.site(),
                        push.getHeader(AVAILABLE_TO_SELL, Integer.class), push.getHeader(OBSERVED_AT, Instant.class), null));
            }
        }
        told.record(channel, records);
    }

    /**
     * After the channel took a call: for each level an earlier push of which may still land (it broke off), one more
     * push due when it no longer can (the returned changes, to write to the channel's queue coalescing); a level past
     * that time is settled.
     */
    public List<Message> lateLandings(List<Message> pushes, String channel) {
        Instant now = Instant.now();
        Map<SkuSite, Instant> again = new java.util.TreeMap<>();
        List<SkuSite> settled = new ArrayList<>();
        for (Message push : pushes) {
            Instant lateUntil = push.getHeader(LATE_UNTIL, Instant.class);
            if (lateUntil == null || !tell(push)) {
                continue;
            }
            SkuSite key = SkuSite.ofKey(push.getHeader(Handoff.RECORD_KEY, String.class));
            if (lateUntil.isAfter(now)) {
                again.put(key, lateUntil.plusSeconds(1));
            } else {
                settled.add(key);
            }
        }
        told.settledLate(channel, settled);
        return levels.changes(again);
    }

    /** Whether some push of the batch had failed before (the channel may just have come back). */
    public boolean retried(List<Message> pushes) {
        return pushes.stream().anyMatch(m -> m.getHeader(Handoff.ATTEMPTS, 0, Integer.class) > 0);
    }

    /** The channel took levels again: its outage exception resolves itself. */
    public void back(List<Message> pushes, String channel) {
        String flow = pushes.isEmpty() ? StockFlow.FLOW : pushes.get(0).getHeader(Handoff.FLOW, StockFlow.FLOW, String.class);
        if (exceptions.resolveOpen(flow, channelKey(channel), "channel " + channel + " took stock levels again") > 0) {
            log.info("channel {} takes stock levels again", channel);
        }
    }

    /**
     * A channel call failed (the exception caught): sets the exception's category and sentence, and {@code StockAlert}
     * when the outage should show. Every level of the call stays queued.
     */
    @SuppressWarnings("unchecked")
    public void failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String channel = exchange.getIn().getHeader(CHANNEL, String.class);
        List<Message> pushes = exchange.getProperty(PUSHES, List.class);
        long levels = pushes == null ? 0 : pushes.stream().filter(StockChannelPushes::tell).count();
        int attempts = (pushes == null ? 0 : pushes.stream().mapToInt(m -> m.getHeader(Handoff.ATTEMPTS, 0, Integer.class))
                .max().orElse(0)) + 1;
        ApiException failure = classify(channel, levels, cause);
        if (failure.category() == Category.API_TIMEOUT && pushes != null) {
            // no answer: the channel may have the call and apply it later, over a newer level pushed meanwhile
            told.mayLandLate(channel, pushes.stream().filter(StockChannelPushes::tell)
                    .map(m -> SkuSite.ofKey(m.getHeader(Handoff.RECORD_KEY, String.class))).toList(),
                    Instant.now().plus(lateApply));
        }
        String sentence = "Channel " + channel + " did not take " + levels + " stock level(s) (attempt " + attempts + "): "
                + failure.getMessage() + "; they are kept and sent again after a backoff that doubles with each attempt,"
                + " without end";
        boolean refused = failure.category() == Category.REJECTED;
        exchange.getIn().setHeader(Handoff.CATEGORY, failure.category().name());
        exchange.getIn().setHeader(Handoff.REASON, sentence);
        exchange.getIn().setHeader(ALERT, refused || attempts >= alertAfter);
        exchange.setProperty(FAILURE, ApiException.transientFailure(failure.system(), failure.category(), sentence, cause));
    }

    /** Fails the run with the transient failure {@link #failed} made: the hand-off retries the pushes with backoff. */
    public void retryLater(Exchange exchange) {
        throw Objects.requireNonNull(exchange.getProperty(FAILURE, ApiException.class), "no channel failure to retry");
    }

    /**
     * What a failed call means: 401/403 AUTH, 429 RATE_LIMITED, 5xx API_ERROR, other 4xx REJECTED (the channel refused
     * the data), no answer in time API_TIMEOUT, anything else (unreachable) API_ERROR. Every one is retried.
     */
    static ApiException classify(String channel, long levels, Throwable cause) {
        String system = "Channel " + channel;
        if (cause instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            String what = "channel " + channel + " answered HTTP " + status + " to " + levels + " stock level(s): "
                    + abbreviate(http.getResponseBody());
            Category category = status == 401 || status == 403 ? Category.AUTH : status == 429 ? Category.RATE_LIMITED
                    : status >= 500 ? Category.API_ERROR : Category.REJECTED;
            return ApiException.transientFailure(system, category, what, cause);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return ApiException.transientFailure(system, Category.API_TIMEOUT, "channel " + channel
                        + " did not answer in time (" + t.getMessage() + ")", cause);
            }
        }
        return ApiException.transientFailure(system, Category.API_ERROR, "channel " + channel + " could not be reached: "
                + (cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage()), cause);
    }

    static String channelKey(String channel) {
        return "channel:" + channel;
    }

    private static boolean tell(Message push) {
        return Boolean.TRUE.equals(push.getHeader(TELL, Boolean.class));
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
