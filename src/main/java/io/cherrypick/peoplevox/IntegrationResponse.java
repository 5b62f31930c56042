package io.cherrypick.peoplevox;

import java.util.List;

/**
 * Peoplevox's answer to every operation (WSDL type IntegrationResponse). ResponseId 0 = success, -1 = failure; a
 * SaveData with ResponseId -1 and TotalCount &gt; 0 saved part of the rows, and {@link #statuses()} says which.
 */
public record IntegrationResponse(int responseId, int totalCount, String detail, List<RowStatus> statuses) {

    /** One per CsvData row, in row order: the row's key and Success or Error. */
    public record RowStatus(String reference, String status) {
        public boolean success() {
            return "Success".equalsIgnoreCase(status);
        }
    }

    public boolean ok() {
        return responseId == 0;
    }
}
