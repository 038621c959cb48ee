package dev.ballast.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** MonoVertex objects for tests, shaped like Numaflow's. */
final class MonoVertices {

    private MonoVertices() {}

    /** A running MonoVertex with {@code replicas} replicas, all ready, last scaled an hour ago. */
    static Builder monoVertex(String namespace, String name, int replicas) {
        return new Builder(namespace, name, replicas);
    }

    static final class Builder {
        private final String namespace;
        private final String name;
        private final Map<String, String> annotations = new HashMap<>();
        private final Map<String, Object> scale = new LinkedHashMap<>();
        private final Map<String, Object> status = new LinkedHashMap<>();
        private int replicas;

        Builder(String namespace, String name, int replicas) {
            this.namespace = namespace;
            this.name = name;
            this.replicas = replicas;
            status.put("phase", "Running");
            status.put("replicas", replicas);
            status.put("readyReplicas", replicas);
            status.put("lastScaledAt", "2026-01-01T00:00:00Z");
            status.put("updateHash", "abc");
            status.put("currentHash", "abc");
        }

        /** {@code spec.scale.disabled: true} and {@code ballast.dev/managed: "true"}. */
        Builder managed() {
            scale.put("disabled", true);
            annotations.put("ballast.dev/managed", "true");
            return this;
        }

        Builder scale(String field, Object value) {
            scale.put(field, value);
            return this;
        }

        Builder annotation(String key, String value) {
            annotations.put(key, value);
            return this;
        }

        Builder status(String field, Object value) {
            status.put(field, value);
            return this;
        }

        GenericKubernetesResource build() {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("replicas", replicas);
            spec.put(
                    "source",
                    Map.of("udsource", Map.of("container", Map.of("image", "example/source:1"))));
            spec.put("sink", Map.of("log", Map.of()));
            if (!scale.isEmpty()) {
                spec.put("scale", scale);
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spec", spec);
            properties.put("status", status);
            return new GenericKubernetesResourceBuilder()
                    .withApiVersion(MonoVertexResource.apiVersion())
                    .withKind(MonoVertexResource.KIND)
                    .withNewMetadata()
                    .withNamespace(namespace)
                    .withName(name)
                    .withAnnotations(annotations)
                    .endMetadata()
                    .withAdditionalProperties(properties)
                    .build();
        }
    }
}
