package dev.ballast.k8s;

import dev.ballast.core.model.TargetRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches MonoVertex objects with informers and serves them from their caches, so that nothing is
 * listed once per tick. Discovery asks for the scopes it lists; a status lookup in a namespace no
 * informer covers starts one for that namespace (and reads as unknown until it has synced).
 */
final class MonoVertexCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonoVertexCache.class);

    /** What one informer watches: a namespace (or every namespace) and a label selector. */
    record Scope(String namespace, String labelSelector) {
        static final String ALL = "";

        boolean covers(String ns) {
            return namespace.equals(ALL) || namespace.equals(ns);
        }

        @Override
        public String toString() {
            return (namespace.equals(ALL) ? "all namespaces" : "namespace " + namespace)
                    + (labelSelector == null ? "" : " with labels " + labelSelector);
        }
    }

    private final KubernetesClient client;
    private final Duration resync;
    private final List<Watched> informers = new CopyOnWriteArrayList<>();
    private boolean closed;

    MonoVertexCache(KubernetesClient client, Duration resync) {
        this.client = client;
        this.resync = resync;
    }

    /** Starts watching {@code scope} unless an informer already watches exactly it. */
    synchronized void watch(Scope scope) {
        if (closed) {
            return;
        }
        for (Watched w : informers) {
            if (w.scope.equals(scope)) {
                return;
            }
        }
        FilterWatchListDeletable<
                        GenericKubernetesResource,
                        GenericKubernetesResourceList,
                        Resource<GenericKubernetesResource>>
                objects =
                        scope.namespace().equals(Scope.ALL)
                                ? client.genericKubernetesResources(MonoVertexResource.CONTEXT)
                                        .inAnyNamespace()
                                : client.genericKubernetesResources(MonoVertexResource.CONTEXT)
                                        .inNamespace(scope.namespace());
        if (scope.labelSelector() != null) {
            objects = objects.withLabelSelector(scope.labelSelector());
        }
        SharedIndexInformer<GenericKubernetesResource> informer =
                objects.runnableInformer(resync.toMillis());
        informer.addEventHandler(new Logging(scope));
        informer.start();
        informers.add(new Watched(scope, informer));
        LOG.info("watching MonoVertex objects in {}", scope);
    }

    /** Whether every informer has listed once and is watching now (not reconnecting). */
    boolean isSynced() {
        for (Watched w : informers) {
            if (!w.isFresh()) {
                return false;
            }
        }
        return !informers.isEmpty();
    }

    /** Whether the informers of {@code scopes} have listed once. */
    boolean hasSynced(List<Scope> scopes) {
        int watched = 0;
        for (Watched w : informers) {
            if (scopes.contains(w.scope)) {
                watched++;
                if (!w.informer.hasSynced()) {
                    return false;
                }
            }
        }
        return watched > 0;
    }

    /** Every cached object of {@code scopes}, each once. */
    List<GenericKubernetesResource> list(List<Scope> scopes) {
        List<GenericKubernetesResource> all = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Watched w : informers) {
            if (scopes.contains(w.scope)) {
                for (GenericKubernetesResource mv : w.informer.getStore().list()) {
                    if (seen.add(
                            mv.getMetadata().getNamespace() + "/" + mv.getMetadata().getName())) {
                        all.add(mv);
                    }
                }
            }
        }
        return all;
    }

    /**
     * The cached object, if an informer that is watching and synced holds it. Empty while the cache
     * is not fresh (first list, or a broken watch being re-established), so that the target is
     * held.
     */
    Optional<GenericKubernetesResource> get(TargetRef ref) {
        boolean covered = false;
        for (Watched w : informers) {
            if (w.scope.covers(ref.namespace())) {
                covered = true;
                if (!w.isFresh()) {
                    continue;
                }
                GenericKubernetesResource mv = w.informer.getStore().getByKey(ref.key());
                if (mv != null) {
                    return Optional.of(mv);
                }
            }
        }
        if (!covered) {
            watch(new Scope(ref.namespace(), null));
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Watched w : informers) {
            w.informer.close();
        }
        informers.clear();
    }

    private static final class Watched {
        final Scope scope;
        final SharedIndexInformer<GenericKubernetesResource> informer;

        Watched(Scope scope, SharedIndexInformer<GenericKubernetesResource> informer) {
            this.scope = Objects.requireNonNull(scope);
            this.informer = informer;
        }

        boolean isFresh() {
            return informer.hasSynced() && informer.isWatching();
        }
    }

    private static final class Logging implements ResourceEventHandler<GenericKubernetesResource> {
        private final Scope scope;

        Logging(Scope scope) {
            this.scope = scope;
        }

        @Override
        public void onAdd(GenericKubernetesResource mv) {
            log(mv, "seen");
        }

        @Override
        public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {}

        @Override
        public void onDelete(GenericKubernetesResource mv, boolean finalStateUnknown) {
            log(mv, "deleted");
        }

        private static void log(GenericKubernetesResource mv, String what) {
            if (LOG.isDebugEnabled()) {
                TargetRef ref = MonoVertexReader.ref(mv);
                try (TargetLogs logs = TargetLogs.about(ref)) {
                    LOG.debug("MonoVertex {} {}", ref.key(), what);
                }
            }
        }

        @Override
        public void onNothing() {
            LOG.debug("watch of {} synced", scope);
        }
    }
}
