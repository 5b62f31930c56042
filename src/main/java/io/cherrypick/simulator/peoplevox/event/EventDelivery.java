package io.cherrypick.simulator.peoplevox.event;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cherrypick.http.HttpCalls;

/**
 * Delivers events to their subscribers asynchronously, at least once: a non-2xx answer or a connection error is
 * retried with doubling backoff. One delivery thread sends in publish order; duplicateRate sends some deliveries
 * twice and reorderRate holds some back so that later ones overtake them.
 */
public final class EventDelivery implements EventSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    private static final int LOG_LIMIT = 2000;

    /** Delivery tuning from the start-up configuration. */
    public record Options(int maxAttempts, Duration backoff, Duration reorderDelay, Duration timeout) {
    }

    private final SubscriptionRegistry subscriptions;
    private final Options options;
    private final DoubleSupplier duplicateRate;
    private final DoubleSupplier reorderRate;
    private final HttpClient http;
    private final ScheduledExecutorService executor;
    private final Deque<Delivery> log = new ArrayDeque<>();
    private long nextId = 1;
    private int generation;

    public EventDelivery(SubscriptionRegistry subscriptions, Options options, DoubleSupplier duplicateRate,
            DoubleSupplier reorderRate) {
        this.subscriptions = subscriptions;
        this.options = options;
        this.duplicateRate = duplicateRate;
        this.reorderRate = reorderRate;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pvx-sim-event-delivery");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void publish(WarehouseEvent event) {
        for (Subscription subscription : subscriptions.matching(event)) {
            String url = Placeholders.render(subscription.url(), event, subscription.encodeParameterData());
            String body = subscription.method().equals(Subscription.POST)
                    ? Placeholders.render(subscription.postParams(), event, subscription.encodeParameterData())
                    : null;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int copies = random.nextDouble() < duplicateRate.getAsDouble() ? 2 : 1;
            for (int copy = 0; copy < copies; copy++) {
                boolean delayed = random.nextDouble() < reorderRate.getAsDouble();
                Delivery delivery = register(subscription, event, url, body, copy > 0, delayed);
                schedule(delivery, delayed ? options.reorderDelay().toMillis() : 0);
            }
        }
    }

    private synchronized Delivery register(Subscription subscription, WarehouseEvent event, String url, String body,
            boolean duplicate, boolean delayed) {
        Delivery delivery = new Delivery(nextId++, generation, subscription, event.type().name(), url, body, duplicate,
                delayed);
        log.addLast(delivery);
        while (log.size() > LOG_LIMIT) {
            log.removeFirst();
        }
        return delivery;
    }

    private void schedule(Delivery delivery, long delayMillis) {
        try {
            executor.schedule(() -> attempt(delivery), delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            delivery.finish("DROPPED", null, "simulator stopped");
        }
    }

    private void attempt(Delivery delivery) {
        synchronized (this) {
            if (delivery.generation != generation) {
                delivery.finish("DROPPED", null, "simulator was reset");
                return;
            }
        }
        Integer status = null;
        String error = null;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Placeholders.safeUri(delivery.url)))
                    .timeout(options.timeout());
            if (delivery.body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.body));
            }
            status = HttpCalls.send(http, request.build(), HttpResponse.BodyHandlers.discarding(), options.timeout())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.finish("DROPPED", null, "delivery interrupted");
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int attempts = delivery.recordAttempt(status, error);
        if (status != null && status >= 200 && status < 300) {
            delivery.finish("DELIVERED", status, null);
        } else if (attempts >= options.maxAttempts()) {
            delivery.finish("FAILED", status, error);
            LOG.info("Peoplevox simulator gave up delivering {} to {} after {} attempts", delivery.eventType,
                    delivery.url, attempts);
        } else {
            schedule(delivery, options.backoff().toMillis() << (attempts - 1));
        }
    }

    public synchronized List<DeliveryLogEntry> log() {
        return log.stream().map(Delivery::entry).toList();
    }

    /** Forgets the log; deliveries still waiting are dropped. */
    public synchronized void reset() {
        generation++;
        log.clear();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Mutable delivery state; guarded by its own monitor. */
    private static final class Delivery {
        private final long id;
        private final int generation;
        private final Subscription subscription;
        private final String eventType;
        private final String url;
        private final String body;
        private final boolean duplicate;
        private final boolean delayed;
        private final Instant createdAt = Instant.now();
        private String state = "PENDING";
        private Integer status;
        private int attempts;
        private String error;
        private Instant lastAttemptAt;

        Delivery(long id, int generation, Subscription subscription, String eventType, String url, String body,
                boolean duplicate, boolean delayed) {
            this.id = id;
            this.generation = generation;
            this.subscription = subscription;
            this.eventType = eventType;
            this.url = url;
            this.body = body;
            this.duplicate = duplicate;
            this.delayed = delayed;
        }

        synchronized int recordAttempt(Integer status, String error) {
            this.attempts++;
            this.status = status;
            this.error = error;
            this.lastAttemptAt = Instant.now();
            return attempts;
        }

        synchronized void finish(String state, Integer status, String error) {
            this.state = state;
            if (status != null) {
                this.status = status;
            }
            if (error != null) {
                this.error = error;
            }
        }

        synchronized DeliveryLogEntry entry() {
            return new DeliveryLogEntry(id, subscription.id(), eventType, subscription.method(), url, body, state,
                    status, attempts, error, duplicate, delayed, createdAt, lastAttemptAt);
        }
    }
}
