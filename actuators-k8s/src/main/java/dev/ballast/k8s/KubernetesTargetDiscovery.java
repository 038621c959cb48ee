package dev.ballast.k8s;

import dev.ballast.core.model.InvalidSpecException;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.spi.TargetDiscovery;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MonoVertex objects that opt in ({@code spec.scale.disabled: true} and {@code ballast.dev/managed:
 * "true"}), from informer caches over the configured namespaces and label selector. An object whose
 * values cannot be used is left out, with a warning logged once per version of the object (and a
 * Warning event, when an event sink is given), so it is never scaled.
 */
final class KubernetesTargetDiscovery implements TargetDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesTargetDiscovery.class);

    private final MonoVertexCache cache;
    private final List<MonoVertexCache.Scope> scopes;
    private final BiConsumer<GenericKubernetesResource, String> invalid;
    private final Runnable onClose;
    private final Map<String, String> reported = new ConcurrentHashMap<>();

    /**
     * @param invalid told about each object left out for bad values, once per object version
     * @param onClose run on {@link #close()}, to give the shared session back
     */
    KubernetesTargetDiscovery(
            MonoVertexCache cache,
            List<MonoVertexCache.Scope> scopes,
            BiConsumer<GenericKubernetesResource, String> invalid,
            Runnable onClose) {
        this.cache = cache;
        this.scopes = List.copyOf(scopes);
        this.invalid = invalid;
        this.onClose = onClose;
    }

    @Override
    public void start() {
        for (MonoVertexCache.Scope scope : scopes) {
            cache.watch(scope);
        }
    }

    @Override
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (GenericKubernetesResource mv : cache.list(scopes)) {
            if (!MonoVertexReader.isManaged(mv)) {
                continue;
            }
            try {
                targets.add(MonoVertexReader.target(mv));
            } catch (InvalidSpecException e) {
                report(mv, e.getMessage());
            }
        }
        return targets;
    }

    @Override
    public boolean isSynced() {
        return cache.hasSynced(scopes);
    }

    private void report(GenericKubernetesResource mv, String problem) {
        TargetRef ref = MonoVertexReader.ref(mv);
        String key = ref.key();
        String version = mv.getMetadata().getResourceVersion() + "|" + problem;
        if (!version.equals(reported.put(key, version))) {
            try (TargetLogs logs = TargetLogs.about(ref)) {
                LOG.warn(
                        "MonoVertex {} is left alone: {}. Fix the object or its ballast.dev/"
                                + " annotations.",
                        key,
                        problem);
                invalid.accept(mv, problem);
            }
        }
    }

    @Override
    public void close() {
        onClose.run();
    }
}
