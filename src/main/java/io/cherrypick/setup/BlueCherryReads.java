package io.cherrypick.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.bluecherry.BlueCherryClient;

/**
 * What the audit reads from Blue Cherry, through the runtime's {@link BlueCherryClient}: a resource page by page
 * ({@code cherrypick.bluecherry.page-size} records a page, {@code _include=all}) until a short page, each page one call,
 * counted and shown as progress. Nothing here writes.
 */
final class BlueCherryReads {
    private final BlueCherryClient client;
    private final AuditProgress progress;
    private final AtomicInteger calls = new AtomicInteger();

    BlueCherryReads(BlueCherryClient client, AuditProgress progress) {
        this.client = client;
        this.progress = progress;
    }

    int calls() {
        return calls.get();
    }

    /** One page of {@code size} records (a connectivity probe reads one). */
    List<JsonNode> page(String resource, String filter, int size) {
        calls.incrementAndGet();
        return client.getPage(resource, filter, 1, size);
    }

    /** Every record of the resource that matches the filter (null: all). */
    List<JsonNode> all(String resource, String filter) {
        int size = client.pageSize();
        List<JsonNode> records = new ArrayList<>();
        for (int page = 1; ; page++) {
            calls.incrementAndGet();
            List<JsonNode> got = client.getPage(resource, filter, page, size);
            records.addAll(got);
            progress.page("Blue Cherry " + resource, page, 0);
            if (got.size() < size) {
                return records;
            }
        }
    }
}
