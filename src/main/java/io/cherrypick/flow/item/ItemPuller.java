package io.cherrypick.flow.item;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.bluecherry.IncrementalPull;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.OutboxStore;

/**
 * Pulls changed styles from Blue Cherry ({@code GET /api/style?_include=all} after the {@code last_mod} watermark, see
 * {@link IncrementalPull}) and queues each style revision in the outbox, in the transaction that advances the
 * watermark. A newer revision replaces an older one still waiting (its exceptions are closed: the newer one is
 * checked again from scratch).
 */
@Component("itemPuller")
public class ItemPuller {
    private static final Logger log = LoggerFactory.getLogger(ItemPuller.class);

    private final IncrementalPull pull;
    private final OutboxStore outbox;
    private final ExceptionStore exceptions;

    public ItemPuller(IncrementalPull pull, OutboxStore outbox, ExceptionStore exceptions) {
        this.pull = pull;
        this.outbox = outbox;
        this.exceptions = exceptions;
    }

    /** One pull run; returns how many new style revisions were queued. */
    public int pull() {
        IncrementalPull.Result result = pull.pull("style", ItemFlow.PULL_ROUTE, "style", this::take);
        exceptions.resolveOpen(ItemFlow.PULL_ROUTE, ItemFlow.PULL_ROUTE, "the pull succeeded again");
        if (result.taken() > 0) {
            log.info("pulled {} changed style(s) from Blue Cherry; watermark now {}", result.taken(), result.watermark());
        }
        return result.taken();
    }

    private boolean take(JsonNode style, String key, String revision) {
        String code = style.path("style").asText("").trim();
        String businessKey = code.isEmpty() ? "pkey-" + key : code;
        List<Long> superseded = outbox.supersedeUnsent(ItemFlow.FLOW, businessKey, revision);
        if (!superseded.isEmpty()) {
            exceptions.resolveOpenOfRecords(superseded, "style " + businessKey + " changed again in Blue Cherry (revision "
                    + revision + "); the new revision is checked again");
        }
        return outbox.insertIfAbsent(ItemFlow.FLOW, businessKey, revision, style.toString());
    }
}
