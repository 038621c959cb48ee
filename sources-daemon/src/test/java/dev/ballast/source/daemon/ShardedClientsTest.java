package dev.ballast.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardedClientsTest {

    final OkHttpClient base = new OkHttpClient();
    ShardedClients clients;

    @AfterEach
    void stop() {
        clients.shutdown();
    }

    static HttpUrl daemon(int i) {
        return HttpUrl.get("https://mv-" + i + "-mv-daemon-svc.prod.svc:4327/api/v1/metrics");
    }

    @Test
    void aFewIdleConnectionsKeepOnePoolTheConfiguredClientsOwn() {
        clients = new ShardedClients(base, 64);

        assertThat(clients.pools()).isEqualTo(1);
        assertThat(clients.forUrl(daemon(1))).isSameAs(base);
        assertThat(clients.forUrl(daemon(2))).isSameAs(base);
    }

    @Test
    void manyIdleConnectionsAreSpreadOverPoolsThatShareOneDispatcher() {
        clients = new ShardedClients(base, 1000);

        assertThat(clients.pools()).isEqualTo(16);
        Set<okhttp3.ConnectionPool> pools = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            OkHttpClient client = clients.forUrl(daemon(i));
            pools.add(client.connectionPool());
            assertThat(client.dispatcher()).isSameAs(base.dispatcher());
        }
        assertThat(pools).hasSize(16);
    }

    /**
     * With one idle connection allowed per daemon, no pool may get more daemons than it keeps: a
     * pool over its limit closes the connection read longest ago, the next one to be read, and
     * every read there would pay a new handshake. Checked for the daemons' real host names and for
     * other shapes, at the default and at larger settings.
     */
    @ParameterizedTest
    @ValueSource(ints = {1000, 4096, 10_000, 50_000})
    void oneConnectionPerDaemonFitsInEveryPool(int daemons) {
        clients = new ShardedClients(base, daemons);

        assertFits(daemons, i -> "mv-" + i + "-mv-daemon-svc.prod.svc");
        assertFits(daemons, i -> "orders-" + i + "-mv-daemon-svc.team-" + (i % 7) + ".svc");
        assertFits(daemons, i -> "mv-" + i + ".bench.bench");
    }

    private void assertFits(int daemons, IntFunction<String> host) {
        int[] perPool = new int[clients.pools()];
        for (int i = 0; i < daemons; i++) {
            perPool[clients.poolOf(host.apply(i))]++;
        }
        for (int count : perPool) {
            assertThat(count).isLessThanOrEqualTo(clients.idlePerPool());
        }
    }

    @Test
    void oneHostAlwaysGoesToOnePool() {
        clients = new ShardedClients(base, 100_000);

        HttpUrl orders = daemon(7);
        HttpUrl ordersAgain = orders.newBuilder().encodedPath("/other").build();

        assertThat(clients.forUrl(ordersAgain)).isSameAs(clients.forUrl(orders));
        assertThat(clients.idlePerPool()).isEqualTo(ShardedClients.CONNECTIONS_PER_POOL);
    }

    @Test
    void onePoolKeepsWhatOneProxyMayUseAtOnce() {
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequestsPerHost(512);
        OkHttpClient proxied = base.newBuilder().dispatcher(dispatcher).build();

        clients = new ShardedClients(proxied, 512);

        assertThat(clients.pools()).isEqualTo(8);
        assertThat(clients.idlePerPool()).isEqualTo(512);
    }

    @Test
    void noIdleConnectionsIsOnePool() {
        clients = new ShardedClients(base, 0);

        assertThat(clients.pools()).isEqualTo(1);
    }
}
