package dev.ballast.k8s;

import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.config.ValueType;
import java.time.Duration;
import java.util.List;

/** The configuration options of the {@code kubernetes} discovery and actuator. */
final class KubernetesOptions {

    private KubernetesOptions() {}

    static final ConfigOption<String> KUBECONFIG =
            ConfigOption.required(
                    "kubeconfig",
                    ValueType.string(),
                    "Path of a kubeconfig file. When not set: the in-cluster service account, or"
                            + " KUBECONFIG, or ~/.kube/config, as kubectl finds them.");

    // discovery.kubernetes
    static final ConfigOption<List<String>> NAMESPACES =
            ConfigOption.required(
                    "namespaces",
                    ValueType.stringList(),
                    "Namespaces to watch for MonoVertex objects; all namespaces when not set.");
    static final ConfigOption<String> LABEL_SELECTOR =
            ConfigOption.required(
                    "labelSelector",
                    ValueType.string(),
                    "Only MonoVertex objects matching this label selector (as in kubectl -l).");
    static final ConfigOption<Duration> RESYNC =
            ConfigOption.optional(
                    "resync",
                    ValueType.duration(Duration.ZERO, Duration.ofHours(24)),
                    Duration.ofMinutes(10),
                    "How often the watch cache is re-delivered in full (0 = never).");

    // actuator.kubernetes
    static final ConfigOption<Integer> PATCH_ATTEMPTS =
            ConfigOption.optional(
                    "patchAttempts",
                    ValueType.integer(1, 5),
                    3,
                    "Attempts of one replica change when the API server answers 429 or 5xx.");
    static final ConfigOption<Duration> PATCH_BACKOFF =
            ConfigOption.optional(
                    "patchBackoff",
                    ValueType.duration(Duration.ZERO, Duration.ofSeconds(2)),
                    Duration.ofMillis(200),
                    "Wait before the second attempt, doubled for each further one.");
    static final ConfigOption<Duration> PATCH_BUDGET =
            ConfigOption.optional(
                    "patchBudget",
                    ValueType.duration(Duration.ofMillis(100), Duration.ofMinutes(5)),
                    Duration.ofSeconds(10),
                    "Longest time one replica change may take, retries included; keep it well"
                            + " below the interval.");
    static final ConfigOption<Boolean> EVENTS =
            ConfigOption.optional(
                    "events",
                    ValueType.bool(),
                    true,
                    "Record Kubernetes Events on the MonoVertex: Normal for each change, Warning"
                            + " when held on unknown signals for long, deduplicated.");
    static final ConfigOption<Duration> UNKNOWN_WARNING_AFTER =
            ConfigOption.optional(
                    "unknownWarningAfter",
                    ValueType.duration(Duration.ZERO, Duration.ofDays(1)),
                    Duration.ofMinutes(5),
                    "Record a Warning event when a target has been held on unknown signals this"
                            + " long.");

    // actuator.kubernetes.leaderElection
    static final ConfigOption<Boolean> LEADER_ELECTION =
            ConfigOption.optional(
                    "enabled",
                    ValueType.bool(),
                    true,
                    "Elect one leader among Ballast replicas with a coordination.k8s.io Lease; only"
                            + " the leader changes replicas. Not used in dry-run.");
    static final ConfigOption<String> LEASE_NAME =
            ConfigOption.optional("leaseName", ValueType.string(), "ballast", "Name of the Lease.");
    static final ConfigOption<String> LEASE_NAMESPACE =
            ConfigOption.required(
                    "leaseNamespace",
                    ValueType.string(),
                    "Namespace of the Lease; default: POD_NAMESPACE, else the client's namespace.");
    static final ConfigOption<String> IDENTITY =
            ConfigOption.required(
                    "identity",
                    ValueType.string(),
                    "This instance's name in the Lease; default: HOSTNAME (the pod name).");
    static final ConfigOption<Duration> LEASE_DURATION =
            ConfigOption.optional(
                    "leaseDuration",
                    ValueType.duration(Duration.ofSeconds(1), Duration.ofMinutes(10)),
                    Duration.ofSeconds(15),
                    "How long a Lease holds without renewal before another instance may take it.");
    static final ConfigOption<Duration> RENEW_DEADLINE =
            ConfigOption.optional(
                    "renewDeadline",
                    ValueType.duration(Duration.ofMillis(500), Duration.ofMinutes(10)),
                    Duration.ofSeconds(10),
                    "The leader stops acting when it could not renew for this long; must be"
                            + " below leaseDuration.");
    static final ConfigOption<Duration> RETRY_PERIOD =
            ConfigOption.optional(
                    "retryPeriod",
                    ValueType.duration(Duration.ofMillis(100), Duration.ofMinutes(1)),
                    Duration.ofSeconds(2),
                    "How often to try to acquire or renew the Lease.");

    static final List<ConfigOption<?>> DISCOVERY =
            List.of(KUBECONFIG, NAMESPACES, LABEL_SELECTOR, RESYNC);
    static final List<ConfigOption<?>> ACTUATOR =
            List.of(
                    KUBECONFIG,
                    PATCH_ATTEMPTS,
                    PATCH_BACKOFF,
                    PATCH_BUDGET,
                    EVENTS,
                    UNKNOWN_WARNING_AFTER);
    static final List<ConfigOption<?>> LEADER_ELECTION_OPTIONS =
            List.of(
                    LEADER_ELECTION,
                    LEASE_NAME,
                    LEASE_NAMESPACE,
                    IDENTITY,
                    LEASE_DURATION,
                    RENEW_DEADLINE,
                    RETRY_PERIOD);
}
