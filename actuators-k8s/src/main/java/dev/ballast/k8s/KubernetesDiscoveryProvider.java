package dev.ballast.k8s;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.config.ConfigView;
import dev.ballast.core.spi.ProviderContext;
import dev.ballast.core.spi.TargetDiscovery;
import dev.ballast.core.spi.TargetDiscoveryProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Provides the {@code kubernetes} target discovery (config section {@code discovery.kubernetes}):
 * MonoVertex objects that opt in, watched in the given namespaces (all by default).
 */
public final class KubernetesDiscoveryProvider implements TargetDiscoveryProvider {

    public static final String NAME = "kubernetes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TargetDiscovery create(ProviderContext context) {
        ConfigView config = context.config();
        String selector = config.getOptional(KubernetesOptions.LABEL_SELECTOR).orElse(null);
        List<MonoVertexCache.Scope> scopes = new ArrayList<>();
        List<String> namespaces =
                config.getOptional(KubernetesOptions.NAMESPACES).orElse(List.of());
        if (namespaces.isEmpty()) {
            scopes.add(new MonoVertexCache.Scope(MonoVertexCache.Scope.ALL, selector));
        }
        for (String namespace : namespaces) {
            if (namespace.isBlank()) {
                throw new ConfigException(
                        config.pathOf(KubernetesOptions.NAMESPACES),
                        "'" + namespaces + "' is not valid; namespaces must not be blank");
            }
            scopes.add(new MonoVertexCache.Scope(namespace, selector));
        }
        Duration resync = config.get(KubernetesOptions.RESYNC);
        KubernetesSessions.Session session = KubernetesProviders.session(config, resync);
        boolean events = config.get(KubernetesOptions.EVENTS) && !context.dryRun();
        EventRecorder recorder =
                events ? session.events(context.clock(), KubernetesProviders.identity()) : null;
        return new KubernetesTargetDiscovery(
                session.cache,
                scopes,
                (mv, problem) -> {
                    if (recorder != null) {
                        recorder.record(
                                mv, "Warning", "InvalidScaleSettings", "left alone: " + problem);
                    }
                },
                KubernetesProviders.once(() -> KubernetesSessions.release(session)));
    }

    @Override
    public List<ConfigOption<?>> options() {
        return KubernetesOptions.DISCOVERY;
    }
}
