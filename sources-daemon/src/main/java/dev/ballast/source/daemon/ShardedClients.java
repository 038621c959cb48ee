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
 * scan took 38% of Ballast's CPU. With at most {@value #CONNECTIONS_PER_POOL} idle connections per
 * pool, the scan stays short whatever the number of daemons.
 */
final class ShardedClients {

    static final int CONNECTIONS_PER_POOL = 128;

    private final OkHttpClient[] clients;

    /**
     * @param base the configured client; its dispatcher and settings are shared
     * @param maxIdleConnections idle connections kept in all, spread evenly over the pools
     */
    ShardedClients(OkHttpClient base, int maxIdleConnections) {
        int pools = Math.max(1, ceilDiv(maxIdleConnections, CONNECTIONS_PER_POOL));
        clients = new OkHttpClient[pools];
        if (pools == 1) {
            clients[0] = base;
            return;
        }
        int idlePerPool = ceilDiv(maxIdleConnections, pools);
        for (int i = 0; i < pools; i++) {
            clients[i] =
                    base.newBuilder()
                            .connectionPool(new ConnectionPool(idlePerPool, 5, TimeUnit.MINUTES))
                            .build();
        }
    }

    /** The client whose pool holds {@code url}'s host's connections. */
    OkHttpClient forUrl(HttpUrl url) {
        return clients[Math.floorMod(url.host().hashCode(), clients.length)];
    }

    int pools() {
        return clients.length;
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
