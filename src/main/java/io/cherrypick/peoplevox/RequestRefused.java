package io.cherrypick.peoplevox;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;

/**
 * Peoplevox could not read a request at all (a SOAP Client fault, e.g. "Server was unable to read request. ---> There
 * is an error in XML document"): nothing of it was applied, and sending the same request again gets the same answer.
 * For a SaveData of several records, {@link RowWriter} halves the call until the record Peoplevox cannot read stands
 * alone, and the others go through.
 */
public class RequestRefused extends ApiException {
    public RequestRefused(String message) {
        super(PeoplevoxClient.SYSTEM, Category.VALIDATION, false, message, null);
    }
}
