package dev.ballast.k8s;

import dev.ballast.core.cron.CronExpression;
import dev.ballast.core.model.CronScaling;
import dev.ballast.core.model.CronWindow;
import dev.ballast.core.model.InvalidSpecException;
import dev.ballast.core.model.Phase;
import dev.ballast.core.model.ReadLimits;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads a MonoVertex object: whether Ballast manages it, its scale spec (with {@code
 * ballast.dev/<field>} annotations overriding {@code spec.scale}), its read limits and its status.
 * Every bad value is reported with where it was found and what it was.
 */
final class MonoVertexReader {

    private MonoVertexReader() {}

    static TargetRef ref(GenericKubernetesResource mv) {
        return TargetRef.monoVertex(mv.getMetadata().getNamespace(), mv.getMetadata().getName());
    }

    /**
     * Whether Ballast manages the object: Numaflow's own autoscaler is off ({@code
     * spec.scale.disabled: true}) and the object opts in ({@code ballast.dev/managed: "true"}).
     */
    static boolean isManaged(GenericKubernetesResource mv) {
        if (mv.getMetadata().getDeletionTimestamp() != null) {
            return false; // being deleted: Numaflow's scaler stops watching it too
        }
        Object disabled = mv.get("spec", "scale", "disabled");
        return Boolean.TRUE.equals(disabled)
                && "true".equals(annotations(mv).get(MonoVertexResource.MANAGED_ANNOTATION));
    }

    /**
     * The target: scale spec and read limits.
     *
     * @throws InvalidSpecException naming every bad field (as {@code spec.scale.min} or {@code
     *     annotation ballast.dev/min}) and its value
     */
    static Target target(GenericKubernetesResource mv) {
        List<String> problems = new ArrayList<>();
        ScaleSpec.Builder scale = ScaleSpec.builder();
        Map<String, String> annotations = annotations(mv);
        for (String field : ScaleSpec.INTEGER_FIELDS) {
            Integer value =
                    integer(mv.get("spec", "scale", field), "spec.scale." + field, problems);
            String override = annotations.get(MonoVertexResource.ANNOTATION_PREFIX + field);
            if (override != null) {
                value =
                        integer(
                                override,
                                "annotation " + MonoVertexResource.ANNOTATION_PREFIX + field,
                                problems);
            }
            if (value != null) {
                scale.field(field, value);
            }
        }
        String ballastDisabled = annotations.get(MonoVertexResource.ANNOTATION_PREFIX + "disabled");
        if (ballastDisabled != null) {
            if (!ballastDisabled.equals("true") && !ballastDisabled.equals("false")) {
                problems.add(
                        "annotation ballast.dev/disabled='"
                                + ballastDisabled
                                + "' must be true or false");
            } else {
                scale.disabled(Boolean.parseBoolean(ballastDisabled));
            }
        }
        scale.cron(cron(mv.get("spec", "scale", "cron"), problems));
        ReadLimits limits = limits(mv, problems);
        ScaleSpec spec = null;
        if (problems.isEmpty()) {
            try {
                spec = scale.build();
            } catch (InvalidSpecException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return new Target(ref(mv), spec, limits);
    }

    /**
     * The status the policy reads.
     *
     * @throws InvalidSpecException if a field cannot be read (the target is then held)
     */
    static TargetStatus status(GenericKubernetesResource mv) {
        List<String> problems = new ArrayList<>();
        Integer specReplicas = integer(mv.get("spec", "replicas"), "spec.replicas", problems);
        Integer replicas = integer(mv.get("status", "replicas"), "status.replicas", problems);
        Integer ready =
                integer(mv.get("status", "readyReplicas"), "status.readyReplicas", problems);
        String updateHash = Objects.toString(mv.get("status", "updateHash"), "");
        String currentHash = Objects.toString(mv.get("status", "currentHash"), "");
        Object desiredPhase = mv.get("spec", "lifecycle", "desiredPhase");
        Instant lastScaledAt = null;
        Object lastScaled = mv.get("status", "lastScaledAt");
        if (lastScaled != null) {
            try {
                lastScaledAt = OffsetDateTime.parse(lastScaled.toString()).toInstant();
            } catch (DateTimeException e) {
                problems.add("status.lastScaledAt='" + lastScaled + "' is not an RFC 3339 time");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        try {
            return TargetStatus.builder()
                    .specReplicas(specReplicas == null ? 1 : specReplicas)
                    .replicas(replicas == null ? 0 : replicas)
                    .readyReplicas(ready == null ? 0 : ready)
                    .phase(Phase.fromWire(Objects.toString(mv.get("status", "phase"), "")))
                    .desiredPhase(
                            desiredPhase == null
                                    ? Phase.RUNNING
                                    : Phase.fromWire(desiredPhase.toString()))
                    .rollingUpdate(!updateHash.isEmpty() && !updateHash.equals(currentHash))
                    .lastScaledAt(lastScaledAt)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage());
        }
    }

    private static ReadLimits limits(GenericKubernetesResource mv, List<String> problems) {
        Long batch =
                longValue(
                        mv.get("spec", "limits", "readBatchSize"),
                        "spec.limits.readBatchSize",
                        problems);
        Long rateMax =
                longValue(
                        mv.get("spec", "limits", "rateLimit", "max"),
                        "spec.limits.rateLimit.max",
                        problems);
        try {
            return new ReadLimits(
                    batch == null ? ReadLimits.DEFAULT_READ_BATCH_SIZE : batch,
                    rateMax == null ? OptionalLong.empty() : OptionalLong.of(rateMax));
        } catch (InvalidSpecException e) {
            problems.addAll(e.problems());
            return ReadLimits.DEFAULT;
        }
    }

    private static CronScaling cron(Object raw, List<String> problems) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?>)) {
            problems.add("spec.scale.cron='" + raw + "' must be an object");
            return null;
        }
        Map<?, ?> cron = (Map<?, ?>) raw;
        ZoneId zone = CronScaling.DEFAULT_TIMEZONE;
        Object timezone = cron.get("timezone");
        if (timezone != null && !timezone.toString().isEmpty()) {
            try {
                zone = ZoneId.of(timezone.toString());
            } catch (DateTimeException e) {
                problems.add("spec.scale.cron.timezone='" + timezone + "' is not a time zone");
            }
        }
        List<CronWindow> windows = new ArrayList<>();
        Object schedules = cron.get("schedules");
        if (schedules != null && !(schedules instanceof List<?>)) {
            problems.add("spec.scale.cron.schedules must be a list");
            return null;
        }
        List<?> list = schedules == null ? List.of() : (List<?>) schedules;
        for (int i = 0; i < list.size(); i++) {
            String at = "spec.scale.cron.schedules[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?>)) {
                problems.add(at + " must be an object");
                continue;
            }
            Map<?, ?> s = (Map<?, ?>) list.get(i);
            try {
                CronExpression start = CronExpression.parse(Objects.toString(s.get("start"), ""));
                CronExpression end = CronExpression.parse(Objects.toString(s.get("end"), ""));
                Integer min = integer(s.get("min"), at + ".min", problems);
                Integer max = integer(s.get("max"), at + ".max", problems);
                windows.add(
                        new CronWindow(
                                start,
                                end,
                                min == null ? OptionalInt.empty() : OptionalInt.of(min),
                                max == null ? OptionalInt.empty() : OptionalInt.of(max)));
            } catch (IllegalArgumentException e) {
                problems.add(at + ": " + e.getMessage());
            }
        }
        return new CronScaling(zone, windows);
    }

    private static Integer integer(Object raw, String where, List<String> problems) {
        Long value = longValue(raw, where, problems);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            problems.add(where + "=" + value + " is out of the int32 range");
            return null;
        }
        return value.intValue();
    }

    private static Long longValue(Object raw, String where, List<String> problems) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Number) {
            double d = ((Number) raw).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return (long) d;
            }
        } else {
            try {
                return Long.parseLong(raw.toString().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(where + "='" + raw + "' is not a whole number");
        return null;
    }

    private static Map<String, String> annotations(GenericKubernetesResource mv) {
        Map<String, String> annotations = mv.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
