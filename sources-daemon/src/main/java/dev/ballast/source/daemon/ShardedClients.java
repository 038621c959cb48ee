package dev.ballast.source.daemon;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The daemon clients: one dispatcher (so {@code maxConcurrentRequests} holds across all daemons)
 * and the idle connections spread over several pools by host. OkHttp finds a pooled connection by
 * scanning its pool, so a single pool holding one connection per daemon costs time in proportion to
 * the number of daemons on every request: in a load run with 5,000 daemons, each its own host, that
 * scan took 30% of Ballast's CPU samples and its clean-up another 8%.
 *
 * <p>Each pool is sized for {@value #SHARE_PER_POOL} daemons and keeps up to twice its share (at
 * most {@value #CONNECTIONS_PER_POOL}): hosts hash unevenly, and a pool over its limit closes its
 * longest-idle connection, which with targets read in a fixed order is the next one to be read, so
 * every read in that pool would pay a new TLS handshake. A pool also keeps as many as one host may
 * use at once ({@code maxRequestsPerHost}, up to {@code maxIdleConnections}), for when one proxy
 * serves every daemon.
 */
final class ShardedClients {

    static final int SHARE_PER_POOL = 64;
    static final int CONNECTIONS_PER_POOL = 2 * SHARE_PER_POOL;

    private final OkHttpClient[] clients;
    private final int idlePerPool;

    /**
     * @param base the configured client; its dispatcher and settings are shared
     * @param maxIdleConnections the idle connections to keep, one per daemon; spread over the pools
     */
    ShardedClients(OkHttpClient base, int maxIdleConnections) {
        int pools = Math.max(1, ceilDiv(maxIdleConnections, SHARE_PER_POOL));
        clients = new OkHttpClient[pools];
        if (pools == 1) {
            clients[0] = base;
            idlePerPool = maxIdleConnections;
            return;
        }
        int oneHost = Math.min(base.dispatcher().getMaxRequestsPerHost(), maxIdleConnections);
        idlePerPool =
                Math.max(
                        oneHost,
                        Math.min(CONNECTIONS_PER_POOL, 2 * ceilDiv(maxIdleConnections, pools)));
        for (int i = 0; i < pools; i++) {
            clients[i] =
                    base.newBuilder()
                            .connectionPool(new ConnectionPool(idlePerPool, 5, TimeUnit.MINUTES))
                            .build();
        }
    }

    /** The client whose pool holds {@code url}'s host's connections. */
    OkHttpClient forUrl(HttpUrl url) {
        return clients[poolOf(url.host())];
    }

    /**
     * The pool for {@code host}: its hash mixed (String hashes of names that differ in a few
     * characters share their low bits) and scaled onto the pools.
     */
    int poolOf(String host) {
        int h = host.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return (int) (((h & 0xFFFFFFFFL) * clients.length) >>> 32);
    }

    int pools() {
        return clients.length;
    }

    /** The idle connections each pool keeps. */
    int idlePerPool() {
        return idlePerPool;
    }

    /** Stops the shared dispatcher's threads and closes every idle connection. */
    void shutdown() {
        clients[0].dispatcher().executorService().shutdown();
        for (OkHttpClient client : clients) {
            client.connectionPool().evictAll();
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
