package dev.ballast.k8s;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigView;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/** What the two Kubernetes providers share: the session for their kubeconfig, and names. */
final class KubernetesProviders {

    private static final String RANDOM_IDENTITY =
            "ballast-" + UUID.randomUUID().toString().substring(0, 8);

    private KubernetesProviders() {}

    static KubernetesSessions.Session session(ConfigView config, Duration resync) {
        String kubeconfig = config.getOptional(KubernetesOptions.KUBECONFIG).orElse("");
        try {
            return KubernetesSessions.acquire(kubeconfig, resync);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(
                    config.pathOf(KubernetesOptions.KUBECONFIG),
                    "'"
                            + (kubeconfig.isEmpty() ? "<standard discovery>" : kubeconfig)
                            + "' cannot be used: "
                            + e.getMessage());
        }
    }

    /** This instance's name: HOSTNAME (the pod name in a cluster), else a random one. */
    static String identity() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? RANDOM_IDENTITY : host;
    }

    /** {@code action} the first time only: closing a component twice must not release twice. */
    static Runnable once(Runnable action) {
        java.util.concurrent.atomic.AtomicBoolean done =
                new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }
}
