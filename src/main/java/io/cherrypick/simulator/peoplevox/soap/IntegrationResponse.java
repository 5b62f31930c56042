package io.cherrypick.simulator.peoplevox.soap;

import java.util.List;

/**
 * The IntegrationResponse of every operation: ResponseId 0 (success) or -1 (failure), TotalCount, Detail and
 * per-row Statuses (SaveData only; null = element left out).
 */
public record IntegrationResponse(int responseId, int totalCount, String detail, List<RowStatus> statuses) {

    public record RowStatus(String reference, boolean success) {
    }

    public static IntegrationResponse success(int totalCount, String detail) {
        return new IntegrationResponse(0, totalCount, detail, null);
    }

    public static IntegrationResponse failure(String detail) {
        return new IntegrationResponse(-1, 0, detail, null);
    }
}
