package dev.ballast.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a {@code coordination.k8s.io} Lease with fabric8's LeaderElector.
 *
 * <p>This instance counts as leader only while it holds the Lease and its last successful write of
 * the Lease began less than {@code renewDeadline} ago, measured on its own monotonic clock from
 * before the request was sent. Another instance may take the Lease only {@code leaseDuration} after
 * that write (longer than {@code renewDeadline}), so actuation stops before anyone else can start,
 * even when the API server is slow or fabric8 notices late. A lost election is run again, and
 * followers keep their watch caches warm, so a failover waits only for the Lease.
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

    private final KubernetesClient client;
    private final Settings settings;
    private volatile boolean leading;
    private volatile long validUntilNanos = Long.MIN_VALUE;
    private volatile String leader;
    private CompletableFuture<?> election;
    private boolean started;
    private boolean closed;

    LeaseLeadership(KubernetesClient client, Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Begins campaigning for the Lease; a lost or ended election is started again until close. */
    synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        campaign();
    }

    private synchronized void campaign() {
        if (closed) {
            return;
        }
        election =
                client.leaderElector()
                        .withConfig(
                                new LeaderElectionConfigBuilder()
                                        .withName(settings.name())
                                        .withLock(new TimedLeaseLock())
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
                        .build()
                        .start();
        election.whenComplete(
                (done, error) ->
                        CompletableFuture.runAsync(
                                this::campaign,
                                CompletableFuture.delayedExecutor(
                                        settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS)));
    }

    /** Whether this instance holds the Lease now, with a renewal recent enough to act on. */
    boolean isLeading() {
        return leading && System.nanoTime() - validUntilNanos < 0;
    }

    /** The identity of the current leader, as last seen; may be null. */
    String leader() {
        return leader;
    }

    private synchronized void started() {
        if (closed) {
            return;
        }
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
    public void close() {
        CompletableFuture<?> running;
        synchronized (this) {
            closed = true;
            leading = false;
            running = election;
        }
        if (running != null) {
            running.cancel(true);
        }
    }

    /** A LeaseLock that notes when each successful write of ours began. */
    private final class TimedLeaseLock extends LeaseLock {
        TimedLeaseLock() {
            super(settings.namespace(), settings.name(), settings.identity());
        }

        @Override
        public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
            long sentAt = System.nanoTime();
            super.create(client, record);
            held(record, sentAt);
        }

        @Override
        public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
            long sentAt = System.nanoTime();
            super.update(client, record);
            held(record, sentAt);
        }

        private void held(LeaderElectionRecord record, long sentAt) {
            if (settings.identity().equals(record.getHolderIdentity())) {
                validUntilNanos = sentAt + settings.renewDeadline().toNanos();
            }
        }
    }
}
