package dev.ballast.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One Kubernetes client and one MonoVertex cache per kubeconfig, shared by the discovery and the
 * actuator and closed when the last of them is closed.
 */
final class KubernetesSessions {

    private static final Map<String, Session> SESSIONS = new HashMap<>();

    private KubernetesSessions() {}

    /** A shared client and cache. */
    static final class Session {
        final String key;
        final KubernetesClient client;
        final MonoVertexCache cache;
        private EventRecorder events;
        private int users;

        Session(String key, KubernetesClient client, Duration resync) {
            this.key = key;
            this.client = client;
            this.cache = new MonoVertexCache(client, resync);
        }

        /** The session's event recorder, made on first use. */
        synchronized EventRecorder events(Clock clock, String instance) {
            if (events == null) {
                events = new EventRecorder(client, clock, instance);
            }
            return events;
        }

        synchronized void close() {
            if (events != null) {
                events.close();
            }
            cache.close();
            client.close();
        }
    }

    /**
     * The session for {@code kubeconfig} (empty: the standard discovery of in-cluster or local
     * configuration), made on first use.
     *
     * @throws IOException if the kubeconfig file cannot be read
     */
    static synchronized Session acquire(String kubeconfig, Duration resync) throws IOException {
        Session session = SESSIONS.get(kubeconfig);
        if (session == null) {
            session = new Session(kubeconfig, client(kubeconfig), resync);
            SESSIONS.put(kubeconfig, session);
        }
        session.users++;
        return session;
    }

    /** Gives a session back; the last user closes it. */
    static synchronized void release(Session session) {
        if (--session.users == 0) {
            SESSIONS.remove(session.key);
            session.close();
        }
    }

    /** A client on fabric8's OkHttp transport, whatever else is on the class path. */
    static KubernetesClient client(String kubeconfig) throws IOException {
        Config config =
                kubeconfig.isEmpty()
                        ? Config.autoConfigure(null)
                        : Config.fromKubeconfig(
                                Files.readString(Path.of(kubeconfig), StandardCharsets.UTF_8));
        return client(config);
    }

    static KubernetesClient client(Config config) {
        // The actuator retries a replica change itself, within the loop's interval; the client's
        // own retries (10 by default, with exponential backoff) could take minutes.
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new OkHttpClientFactory())
                .build();
    }
}
