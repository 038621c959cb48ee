package dev.ballast.k8s;

import dev.ballast.core.model.TargetRef;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records core/v1 Events on MonoVertex objects, off the caller's thread. Repeats of the same event
 * (object, type, reason and message) within {@link #SERIES_WINDOW} update one Event's {@code count}
 * and {@code lastTimestamp} instead of creating another, as kubectl's recorder does.
 */
final class EventRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    static final Duration SERIES_WINDOW = Duration.ofHours(1);
    static final String COMPONENT = "ballast";

    /** One recorded Event, to be counted up by repeats. */
    private record Series(String name, int count, Instant last) {}

    private final KubernetesClient client;
    private final Clock clock;
    private final String instance;
    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final ExecutorService executor =
            new ThreadPoolExecutor(
                    1,
                    1,
                    0,
                    TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(1000),
                    r -> {
                        Thread t = new Thread(r, "ballast-k8s-events");
                        t.setDaemon(true);
                        return t;
                    });

    EventRecorder(KubernetesClient client, Clock clock, String instance) {
        this.client = client;
        this.clock = clock;
        this.instance = instance;
    }

    /** Records an event; never blocks, never throws (a full queue drops the event, logged). */
    void record(GenericKubernetesResource object, String type, String reason, String message) {
        try {
            executor.execute(() -> write(object, type, reason, message));
        } catch (RejectedExecutionException e) {
            TargetRef ref = ref(object);
            try (TargetLogs logs = TargetLogs.about(ref)) {
                LOG.warn("event dropped ({} {} on {}): queue full", type, reason, ref);
            }
        }
    }

    /** Waits until the events recorded so far are written, for tests. */
    void flush() throws InterruptedException {
        try {
            executor.submit(() -> {}).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("events not written", e);
        }
    }

    private void write(
            GenericKubernetesResource object, String type, String reason, String message) {
        TargetRef ref = ref(object);
        try (TargetLogs logs = TargetLogs.about(ref)) {
            write(object, ref, type, reason, message);
        }
    }

    private void write(
            GenericKubernetesResource object,
            TargetRef ref,
            String type,
            String reason,
            String message) {
        prune(clock.instant());
        String key = ref.key() + "\u0000" + type + "\u0000" + reason + "\u0000" + message;
        Instant now = clock.instant();
        String timestamp =
                DateTimeFormatter.ISO_INSTANT.format(
                        now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Series previous = series.get(key);
        try {
            if (previous != null
                    && Duration.between(previous.last(), now).compareTo(SERIES_WINDOW) < 0) {
                int count = previous.count() + 1;
                Event named =
                        new EventBuilder()
                                .withNewMetadata()
                                .withName(previous.name())
                                .withNamespace(ref.namespace())
                                .endMetadata()
                                .build();
                // A merge patch on a named reference: no GET first, so "create" and "patch" are
                // all the RBAC that events need.
                client.v1()
                        .events()
                        .inNamespace(ref.namespace())
                        .resource(named)
                        .patch(
                                PatchContext.of(PatchType.JSON_MERGE),
                                "{\"count\":"
                                        + count
                                        + ",\"lastTimestamp\":\""
                                        + timestamp
                                        + "\"}");
                series.put(key, new Series(previous.name(), count, now));
                return;
            }
            String name =
                    ref.name()
                            + "."
                            + Long.toHexString(
                                    now.toEpochMilli() * 1000 + (System.nanoTime() & 0x3ff));
            client.v1()
                    .events()
                    .inNamespace(ref.namespace())
                    .resource(
                            new EventBuilder()
                                    .withNewMetadata()
                                    .withName(name)
                                    .withNamespace(ref.namespace())
                                    .endMetadata()
                                    .withInvolvedObject(
                                            new ObjectReferenceBuilder()
                                                    .withApiVersion(MonoVertexResource.apiVersion())
                                                    .withKind(MonoVertexResource.KIND)
                                                    .withNamespace(ref.namespace())
                                                    .withName(ref.name())
                                                    .withUid(object.getMetadata().getUid())
                                                    .build())
                                    .withType(type)
                                    .withReason(reason)
                                    .withMessage(message)
                                    .withCount(1)
                                    .withFirstTimestamp(timestamp)
                                    .withLastTimestamp(timestamp)
                                    .withNewSource()
                                    .withComponent(COMPONENT)
                                    .endSource()
                                    .withReportingComponent("ballast.dev/" + COMPONENT)
                                    .withReportingInstance(instance)
                                    .build())
                    .create();
            series.put(key, new Series(name, 1, now));
        } catch (KubernetesClientException e) {
            series.remove(key);
            LOG.warn("could not record event {} {} on {}: {}", type, reason, ref, e.getMessage());
        }
    }

    /** Forgets series too old to be counted up again (messages carry numbers, so keys vary). */
    private void prune(Instant now) {
        if (series.size() > 64) {
            series.values()
                    .removeIf(s -> Duration.between(s.last(), now).compareTo(SERIES_WINDOW) >= 0);
        }
    }

    private static TargetRef ref(GenericKubernetesResource object) {
        return MonoVertexReader.ref(Objects.requireNonNull(object));
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("events still queued at shutdown were dropped");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
