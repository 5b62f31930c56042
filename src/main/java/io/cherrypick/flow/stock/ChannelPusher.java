package io.cherrypick.flow.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.channel.ChannelStockUpdate;
import io.cherrypick.channel.StockChannel;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.flow.SchedulerRun;
import io.cherrypick.flow.stock.ChannelQueue.Claimed;
import io.cherrypick.flow.stock.ChannelQueue.Settled;
import io.cherrypick.flow.stock.ChannelRules.Rules;
import io.cherrypick.flow.stock.StockFlow.StockChannels;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.InboxStore;
import io.cherrypick.store.NewException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Tells the channels the levels whose push is due (the coalescing window of their first change has closed): per
 * channel, claims the due SKU × site rows, computes available to sell (Peoplevox available minus the buffer, never
 * below 0) from the level stored now, and sends those that differ from what the channel was last told (in peak mode:
 * that cross a threshold or move enough), {@code channelBatchSize} per call. What was told is recorded per row.
 * <p>
 * A failed call keeps its rows (and the channel's remaining ones) due again after a doubling backoff, capped at
 * {@code channelRetryMax}, without end: nothing is dropped. After {@code channelAlertAfter} failed attempts, or at once
 * when the channel refused the data, an exception keyed {@code channel:<name>} shows it; it resolves itself when the
 * channel takes levels again.
 */
@Component("stockChannelPusher")
public class ChannelPusher {
    private static final Logger log = LoggerFactory.getLogger(ChannelPusher.class);
    private static final int CLAIM = 1000;
    private static final int MAX_ROUNDS = 10;
    static final Duration MAX_INBOX_LAG = Duration.ofSeconds(5);
    static final Duration IN_FLIGHT = Duration.ofMillis(250);

    private final ChannelQueue queue;
    private final InboxStore inbox;
    private final ChannelRules channelRules;
    private final StockChannels channels;
    private final ExceptionStore exceptions;
    private final StockProperties props;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final String instanceId;

    public ChannelPusher(ChannelQueue queue, InboxStore inbox, ChannelRules channelRules, StockChannels channels,
                         ExceptionStore exceptions, StockProperties props, ObjectMapper json, MeterRegistry meters,
                         @Value("${cherrypick.instance-id}") String instanceId) {
        this.queue = queue;
        this.inbox = inbox;
        this.channelRules = channelRules;
        this.channels = channels;
        this.exceptions = exceptions;
        this.props = props;
        this.json = json;
        this.meters = meters;
        this.instanceId = instanceId;
    }

    /** One run over every channel. Returns how many due rows were handled. */
    public int push(Exchange exchange) {
        Rules rules = null;
        int handled = 0;
        Instant dueBy = dueBy(Instant.now());
        for (StockChannel channel : channels.all()) {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<Claimed> claimed = queue.claim(channel.name(), instanceId, CLAIM, props.staleClaimAfter(), dueBy);
                if (claimed.isEmpty()) {
                    break;
                }
                rules = rules == null ? channelRules.current() : rules;
                handled += claimed.size();
                if (!pushClaimed(channel, claimed, rules) || claimed.size() < CLAIM) {
                    break;
                }
            }
        }
        return handled == 0 ? SchedulerRun.nothingPolled(exchange) : handled;
    }

    /**
     * Pushes whose window closed by this time may go. The window counts from when events arrived, so a push waits
     * until every event that arrived before its window closed has been stored as a level (else an event that arrived in
     * time but was stored a moment after the push would cost a second one): not after the oldest event still in the
     * inbox, nor within {@link #IN_FLIGHT} of now (a webhook request stamps its event before it commits it). A stuck
     * inbox holds pushes back by at most {@link #MAX_INBOX_LAG}.
     */
    Instant dueBy(Instant now) {
        Instant cutoff = now.minus(IN_FLIGHT);
        Instant oldestWaiting = inbox.oldestWaiting(StockFlow.FLOW).orElse(cutoff);
        if (oldestWaiting.isBefore(cutoff)) {
            cutoff = oldestWaiting;
        }
        Instant floor = now.minus(MAX_INBOX_LAG);
        return cutoff.isBefore(floor) ? floor : cutoff;
    }

    private record Push(Claimed row, ChannelStockUpdate update) {
    }

    /** Returns false when the channel failed (its rows wait for the backoff). */
    private boolean pushClaimed(StockChannel channel, List<Claimed> claimed, Rules rules) {
        List<Settled> nothingToTell = new ArrayList<>();
        List<Push> pushes = new ArrayList<>();
        for (Claimed c : claimed) {
            if (c.available() == null) {
                nothingToTell.add(new Settled(c, null, null));
                continue;
            }
            int ats = rules.availableToSell(c.itemCode(), c.site(), c.available());
            if (rules.worthPushing(c.toldAvailable(), ats)) {
                pushes.add(new Push(c, new ChannelStockUpdate(c.itemCode(), c.site(), ats, c.observedAt())));
            } else {
                nothingToTell.add(new Settled(c, null, null));
            }
        }
        queue.settle(nothingToTell);
        boolean recovered = false;
        for (int i = 0; i < pushes.size(); i += props.channelBatchSize()) {
            List<Push> chunk = pushes.subList(i, Math.min(pushes.size(), i + props.channelBatchSize()));
            try {
                channel.push(chunk.stream().map(Push::update).toList());
            } catch (ApiException e) {
                failed(channel, chunk, pushes.subList(i, pushes.size()), e);
                return false;
            }
            queue.settle(chunk.stream().map(p -> new Settled(p.row(), p.update().available(), p.update().observedAt()))
                    .toList());
            meters.counter("cherrypick.stock.channel.calls", "channel", channel.name()).increment();
            meters.counter("cherrypick.stock.channel.updates", "channel", channel.name()).increment(chunk.size());
            recovered |= chunk.stream().anyMatch(p -> p.row().attempts() > 0);
        }
        if (recovered) {
            exceptions.resolveOpen(StockFlow.FLOW, exceptionKey(channel), "channel " + channel.name() + " took levels again");
            log.info("channel {} takes stock levels again", channel.name());
        }
        return true;
    }

    private void failed(StockChannel channel, List<Push> chunk, List<Push> waiting, ApiException e) {
        int attempts = waiting.stream().mapToInt(p -> p.row().attempts()).max().orElse(0) + 1;
        Instant next = Instant.now().plus(backoff(attempts));
        queue.retryLater(waiting.stream().map(Push::row).toList(), attempts, next);
        meters.counter("cherrypick.stock.channel.failures", "channel", channel.name()).increment();
        String message = "Channel " + channel.name() + " did not take " + waiting.size() + " stock level(s) (attempt "
                + attempts + "): " + e.getMessage() + "; they are kept and sent again from " + next
                + " (backoff doubles up to " + props.channelRetryMax().toSeconds() + " s, without end)";
        if (!e.isTransient() || attempts >= props.channelAlertAfter()) {
            Category category = e.category() == null ? Category.API_ERROR : e.category();
            exceptions.record(NewException.of(StockFlow.FLOW, StockFlow.CHANNEL_ROUTE, exceptionKey(channel), category,
                    message, payload(chunk), null));
            log.error("{}", message);
        } else {
            log.warn("{}", message);
        }
    }

    Duration backoff(int attempts) {
        Duration delay = props.channelRetryBackoff().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(props.channelRetryMax()) > 0 ? props.channelRetryMax() : delay;
    }

    static String exceptionKey(StockChannel channel) {
        return "channel:" + channel.name();
    }

    private String payload(List<Push> chunk) {
        try {
            return json.writeValueAsString(chunk.stream().map(Push::update).toList());
        } catch (JsonProcessingException e) {
            return chunk.stream().map(p -> p.update().toString()).toList().toString();
        }
    }
}
