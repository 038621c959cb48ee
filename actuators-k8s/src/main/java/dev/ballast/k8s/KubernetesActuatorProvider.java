package dev.ballast.k8s;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.config.ConfigView;
import dev.ballast.core.spi.Actuator;
import dev.ballast.core.spi.ActuatorProvider;
import dev.ballast.core.spi.ProviderContext;
import java.time.Duration;
import java.util.List;

/**
 * Provides the {@code kubernetes} actuator (config section {@code actuator.kubernetes}, with {@code
 * leaderElection} inside): status from the watch cache, replicas by JSON merge patch, only on the
 * Lease holder, events on the objects.
 */
public final class KubernetesActuatorProvider implements ActuatorProvider {

    public static final String NAME = "kubernetes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Actuator create(ProviderContext context) {
        ConfigView config = context.config();
        KubernetesActuator.Settings settings =
                new KubernetesActuator.Settings(
                        config.get(KubernetesOptions.PATCH_ATTEMPTS),
                        config.get(KubernetesOptions.PATCH_BACKOFF),
                        config.get(KubernetesOptions.PATCH_BUDGET),
                        config.get(KubernetesOptions.EVENTS),
                        config.get(KubernetesOptions.UNKNOWN_WARNING_AFTER));
        ConfigView election = config.section("leaderElection");
        // Read (and check) the Lease settings even when they are not used, so that they are
        // never reported as unknown keys in dry-run or with the election off.
        LeaseLeadership.Settings leaseSettings = leaseSettings(election);
        boolean elect = election.get(KubernetesOptions.LEADER_ELECTION) && !context.dryRun();
        LeaseLeadership.Settings lease = elect ? leaseSettings : null;
        KubernetesSessions.Session session =
                KubernetesProviders.session(
                        config, KubernetesOptions.RESYNC.defaultValue().orElseThrow());
        try {
            LeaseLeadership leadership =
                    lease == null
                            ? null
                            : new LeaseLeadership(
                                    session.client,
                                    withNamespace(lease, session.client.getNamespace()));
            return new KubernetesActuator(
                    session.client,
                    session.cache,
                    leadership,
                    settings.events()
                            ? session.events(context.clock(), KubernetesProviders.identity())
                            : null,
                    settings,
                    context.clock(),
                    KubernetesProviders.once(() -> KubernetesSessions.release(session)));
        } catch (RuntimeException e) {
            KubernetesSessions.release(session);
            throw e;
        }
    }

    private static LeaseLeadership.Settings leaseSettings(ConfigView election) {
        Duration leaseDuration = election.get(KubernetesOptions.LEASE_DURATION);
        Duration renewDeadline = election.get(KubernetesOptions.RENEW_DEADLINE);
        Duration retryPeriod = election.get(KubernetesOptions.RETRY_PERIOD);
        if (renewDeadline.compareTo(leaseDuration) >= 0) {
            throw new ConfigException(
                    election.pathOf(KubernetesOptions.RENEW_DEADLINE),
                    "'"
                            + renewDeadline.toMillis()
                            + "ms' is not valid; it must be below leaseDuration ("
                            + leaseDuration.toMillis()
                            + "ms), so that a leader stops before another can take over");
        }
        if (retryPeriod.compareTo(renewDeadline) >= 0) {
            throw new ConfigException(
                    election.pathOf(KubernetesOptions.RETRY_PERIOD),
                    "'"
                            + retryPeriod.toMillis()
                            + "ms' is not valid; it must be below renewDeadline ("
                            + renewDeadline.toMillis()
                            + "ms)");
        }
        String namespace =
                election.getOptional(KubernetesOptions.LEASE_NAMESPACE)
                        .orElse(System.getenv("POD_NAMESPACE"));
        String identity =
                election.getOptional(KubernetesOptions.IDENTITY)
                        .orElse(KubernetesProviders.identity());
        return new LeaseLeadership.Settings(
                namespace,
                election.get(KubernetesOptions.LEASE_NAME),
                identity,
                leaseDuration,
                renewDeadline,
                retryPeriod);
    }

    private static LeaseLeadership.Settings withNamespace(
            LeaseLeadership.Settings s, String clientNamespace) {
        if (s.namespace() != null && !s.namespace().isBlank()) {
            return s;
        }
        String namespace =
                clientNamespace == null || clientNamespace.isBlank() ? "default" : clientNamespace;
        return new LeaseLeadership.Settings(
                namespace,
                s.name(),
                s.identity(),
                s.leaseDuration(),
                s.renewDeadline(),
                s.retryPeriod());
    }

    /**
     * The options of {@code actuator.kubernetes}; those of its {@code leaderElection} section are
     * in {@link #leaderElectionOptions()}.
     */
    @Override
    public List<ConfigOption<?>> options() {
        return KubernetesOptions.ACTUATOR;
    }

    /** The options of {@code actuator.kubernetes.leaderElection}. */
    public List<ConfigOption<?>> leaderElectionOptions() {
        return KubernetesOptions.LEADER_ELECTION_OPTIONS;
    }
}
