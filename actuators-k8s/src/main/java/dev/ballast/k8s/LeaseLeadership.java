package dev.ballast.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a {@code coordination.k8s.io} Lease with fabric8's LeaderElector. The leader
 * stops acting as soon as it fails to renew within {@code renewDeadline}, which is shorter than the
 * {@code leaseDuration} another instance must wait before taking the Lease over; followers keep
 * their caches warm, so a failover only waits for the Lease.
 */
final class LeaseLeadership implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseLeadership.class);

    /** Lease settings. */
    record Settings(
            String namespace,
            String name,
            String identity,
            Duration leaseDuration,
            Duration renewDeadline,
            Duration retryPeriod) {}

    private final Settings settings;
    private volatile boolean leading;
    private volatile String leader;
    private final io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector elector;
    private CompletableFuture<?> election;
    private boolean closed;

    /** Prepares the election; {@link #start()} begins campaigning. */
    LeaseLeadership(KubernetesClient client, Settings settings) {
        this.settings = settings;
        this.elector =
                client.leaderElector()
                        .withConfig(
                                new LeaderElectionConfigBuilder()
                                        .withName(settings.name())
                                        .withLock(
                                                new LeaseLock(
                                                        settings.namespace(),
                                                        settings.name(),
                                                        settings.identity()))
                                        .withLeaseDuration(settings.leaseDuration())
                                        .withRenewDeadline(settings.renewDeadline())
                                        .withRetryPeriod(settings.retryPeriod())
                                        .withReleaseOnCancel(true)
                                        .withLeaderCallbacks(
                                                new LeaderCallbacks(
                                                        this::started,
                                                        this::stopped,
                                                        this::newLeader))
                                        .build())
                        .build();
    }

    /** Begins campaigning for the Lease, once. */
    synchronized void start() {
        if (election == null && !closed) {
            election = elector.start();
        }
    }

    /** Whether this instance holds the Lease now. */
    boolean isLeading() {
        return leading;
    }

    /** The identity of the current leader, as last seen; may be null. */
    String leader() {
        return leader;
    }

    private void started() {
        leading = true;
        LOG.info(
                "{} leads: acting on replicas (Lease {}/{})",
                settings.identity(),
                settings.namespace(),
                settings.name());
    }

    private void stopped() {
        leading = false;
        LOG.warn("{} no longer leads: no more replica changes", settings.identity());
    }

    private void newLeader(String identity) {
        leader = identity;
        LOG.info("leader is now {}", identity);
    }

    @Override
    public synchronized void close() {
        closed = true;
        leading = false;
        if (election != null) {
            election.cancel(true);
        }
    }
}
