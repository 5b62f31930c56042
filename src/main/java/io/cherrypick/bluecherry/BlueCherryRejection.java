package io.cherrypick.bluecherry;

import java.util.List;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;

/** Blue Cherry refused a record (HTTP 4xx with one of its error bodies). A person must fix the data or the mapping. */
public class BlueCherryRejection extends ApiException {
    private final int status;
    private final List<String> messages;

    public BlueCherryRejection(String resource, int status, List<String> messages) {
        super(BlueCherryClient.SYSTEM, Category.REJECTED, false,
                "Blue Cherry rejected " + resource + " (HTTP " + status + "): " + String.join("; ", messages), null);
        this.status = status;
        this.messages = List.copyOf(messages);
    }

    public int status() {
        return status;
    }

    public List<String> messages() {
        return messages;
    }
}
