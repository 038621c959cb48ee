package dev.ballast.k8s;

import dev.ballast.core.loop.DecisionListener;
import dev.ballast.core.loop.Evaluation;
import dev.ballast.core.loop.Outcome;
import dev.ballast.core.model.InvalidSpecException;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import dev.ballast.core.policy.Reason;
import dev.ballast.core.spi.ActuationException;
import dev.ballast.core.spi.ActuationException.Failure;
import dev.ballast.core.spi.Actuator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads MonoVertex status from the informer cache and sets {@code spec.replicas} with a JSON merge
 * patch {@code {"spec":{"replicas":N}}}, as Numaflow does. Only the Lease holder changes anything.
 * As a {@link DecisionListener} it records a Normal event for each applied change and a Warning
 * when a target has been held on unknown signals for too long.
 */
final class KubernetesActuator implements Actuator, DecisionListener {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesActuator.class);

    /** How a replica change is retried and reported. */
    record Settings(
            int patchAttempts,
            Duration patchBackoff,
            Duration patchBudget,
            boolean events,
            Duration unknownWarningAfter) {}

    private final KubernetesClient client;
    private final MonoVertexCache cache;
    private final LeaseLeadership leadership;
    private final EventRecorder events;
    private final Settings settings;
    private final Clock clock;
    private final Runnable onClose;
    private final Map<TargetRef, Instant> unknownSince = new ConcurrentHashMap<>();
    private final Map<String, Boolean> badStatusReported = new ConcurrentHashMap<>();

    /**
     * @param leadership the Lease election, or {@code null} when this instance always acts
     * @param events the event recorder, or {@code null} for no events
     */
    KubernetesActuator(
            KubernetesClient client,
            MonoVertexCache cache,
            LeaseLeadership leadership,
            EventRecorder events,
            Settings settings,
            Clock clock,
            Runnable onClose) {
        this.client = client;
        this.cache = cache;
        this.leadership = leadership;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.onClose = onClose;
    }

    @Override
    public void start() {
        if (leadership != null) {
            leadership.start();
        }
    }

    @Override
    public Optional<TargetStatus> status(TargetRef target) {
        Optional<GenericKubernetesResource> mv = cache.get(target);
        if (mv.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MonoVertexReader.status(mv.get()));
        } catch (InvalidSpecException e) {
            String key = target.key() + "|" + mv.get().getMetadata().getResourceVersion();
            if (badStatusReported.putIfAbsent(key, Boolean.TRUE) == null) {
                try (TargetLogs logs = TargetLogs.about(target)) {
                    LOG.warn(
                            "MonoVertex {} is held: its status cannot be read: {}",
                            target.key(),
                            e.getMessage());
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public void setReplicas(TargetRef target, int replicas) throws ActuationException {
        try (TargetLogs logs = TargetLogs.about(target)) {
            patchReplicas(target, replicas);
        }
    }

    private void patchReplicas(TargetRef target, int replicas) throws ActuationException {
        String patch = "{\"spec\":{\"replicas\":" + replicas + "}}";
        long backoff = settings.patchBackoff().toMillis();
        long deadline = System.nanoTime() + settings.patchBudget().toNanos();
        for (int attempt = 1; ; attempt++) {
            if (!isActive()) {
                throw new ActuationException(
                        Failure.NOT_ACTIVE, "not the leader: " + target + " left at its replicas");
            }
            try {
                client.genericKubernetesResources(MonoVertexResource.CONTEXT)
                        .inNamespace(target.namespace())
                        .resource(reference(target))
                        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
                LOG.info("{}: spec.replicas set to {}", target.key(), replicas);
                return;
            } catch (KubernetesClientException e) {
                int code = e.getCode();
                String what =
                        "PATCH "
                                + target
                                + " spec.replicas="
                                + replicas
                                + ": HTTP "
                                + code
                                + " "
                                + e.getMessage();
                if (code == 404) {
                    throw new ActuationException(Failure.TARGET_GONE, what, e);
                }
                boolean transientFailure = code == 409 || code == 429 || code >= 500 || code == 0;
                if (!transientFailure) {
                    throw new ActuationException(Failure.REJECTED, what, e);
                }
                boolean outOfTime = System.nanoTime() + backoff * 1_000_000 >= deadline;
                if (attempt >= settings.patchAttempts() || outOfTime) {
                    throw new ActuationException(
                            code == 409 ? Failure.CONFLICT : Failure.UNAVAILABLE,
                            what + " (after " + attempt + " attempts)",
                            e);
                }
                LOG.debug("{}; retrying in {} ms", what, backoff);
                pause(backoff);
                backoff *= 2;
            }
        }
    }

    /** Just enough of the object to name it, so that the patch needs no GET first. */
    private static GenericKubernetesResource reference(TargetRef target) {
        GenericKubernetesResource mv = new GenericKubernetesResource();
        mv.setApiVersion(MonoVertexResource.apiVersion());
        mv.setKind(MonoVertexResource.KIND);
        mv.setMetadata(
                new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                        .withNamespace(target.namespace())
                        .withName(target.name())
                        .build());
        return mv;
    }

    @Override
    public boolean isActive() {
        return leadership == null || leadership.isLeading();
    }

    @Override
    public void onEvaluation(Evaluation evaluation) {
        if (events == null || !isActive()) {
            return;
        }
        TargetRef ref = evaluation.decision().target().ref();
        Reason reason = evaluation.decision().reason();
        if (evaluation.outcome() == Outcome.APPLIED) {
            cache.get(ref)
                    .ifPresent(
                            mv ->
                                    events.record(
                                            mv,
                                            "Normal",
                                            camel(reason),
                                            evaluation.decision().explanation()));
        }
        if (isUnknownHold(reason)) {
            Instant now = clock.instant();
            Instant since = unknownSince.computeIfAbsent(ref, r -> now);
            Duration held = Duration.between(since, now);
            if (held.compareTo(settings.unknownWarningAfter()) >= 0) {
                cache.get(ref)
                        .ifPresent(
                                mv ->
                                        events.record(
                                                mv,
                                                "Warning",
                                                "HeldOnUnknownSignals",
                                                "held at its replicas for "
                                                        + Math.max(
                                                                settings.unknownWarningAfter()
                                                                        .toSeconds(),
                                                                0)
                                                        + "s or more: signals unknown ("
                                                        + reason
                                                        + ")"));
            }
        } else {
            unknownSince.remove(ref);
        }
    }

    private static boolean isUnknownHold(Reason reason) {
        return reason == Reason.SOURCE_UNAVAILABLE
                || reason == Reason.RATE_UNKNOWN
                || reason == Reason.PENDING_UNKNOWN
                || reason == Reason.STATUS_UNKNOWN;
    }

    /** SCALE_UP becomes ScaleUp, the usual form of an event reason. */
    static String camel(Reason reason) {
        StringBuilder out = new StringBuilder();
        for (String part : reason.name().split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }

    private static void pause(long millis) throws ActuationException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActuationException(Failure.UNAVAILABLE, "interrupted while retrying", e);
        }
    }

    @Override
    public void close() {
        if (leadership != null) {
            leadership.close();
        }
        onClose.run();
    }
}
