package io.cherrypick.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP call with a deadline on the whole exchange. {@link HttpRequest.Builder#timeout} stops only the wait for the
 * answer's headers (JDK-8258397): a server or proxy that sends the headers and then stalls in the body holds
 * {@link HttpClient#send} forever, and with it the thread, the claimed rows it is extending and every call queued
 * behind it. This waits at most {@code limit} for the complete answer, then cancels the exchange.
 */
public final class HttpCalls {
    private HttpCalls() {
    }

    /**
     * Sends {@code request} and waits at most {@code limit} for the whole answer, body included. Throws
     * {@link HttpTimeoutException} when it has not come by then (the exchange is cancelled), and the
     * {@link IOException} of a failed exchange as {@link HttpClient#send} does.
     */
    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body,
            Duration limit) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> call = http.sendAsync(request, body);
        try {
            return call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stalled) {
            call.cancel(true);
            throw new HttpTimeoutException("no complete answer from " + request.uri().getHost() + " within "
                    + limit.toMillis() + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException failed) {
            // the cause as it is, so callers tell a refused connection from a timeout as with send()
            Throwable cause = failed.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }
}
