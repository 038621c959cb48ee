package dev.ballast.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

        assertThat(clients.pools()).isEqualTo(8);
        Set<okhttp3.ConnectionPool> pools = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            OkHttpClient client = clients.forUrl(daemon(i));
            pools.add(client.connectionPool());
            assertThat(client.dispatcher()).isSameAs(base.dispatcher());
        }
        assertThat(pools).hasSize(8);
    }

    @Test
    void oneHostAlwaysGoesToOnePool() {
        clients = new ShardedClients(base, 100_000);

        HttpUrl orders = daemon(7);
        HttpUrl ordersAgain = orders.newBuilder().encodedPath("/other").build();

        assertThat(clients.forUrl(ordersAgain)).isSameAs(clients.forUrl(orders));
    }

    @Test
    void noIdleConnectionsIsOnePool() {
        clients = new ShardedClients(base, 0);

        assertThat(clients.pools()).isEqualTo(1);
    }
}
