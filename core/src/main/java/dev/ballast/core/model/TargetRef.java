package dev.ballast.core.model;

import java.util.Objects;

/**
 * Identifies one scalable object: its kind, namespace and name.
 *
 * @param kind the kind of object
 * @param namespace the Kubernetes namespace, never blank
 * @param name the object name, never blank
 */
public record TargetRef(TargetKind kind, String namespace, String name) {

    public TargetRef {
        Objects.requireNonNull(kind, "kind");
        requireNonBlank(namespace, "namespace");
        requireNonBlank(name, "name");
    }

    /** A reference to the MonoVertex {@code namespace/name}. */
    public static TargetRef monoVertex(String namespace, String name) {
        return new TargetRef(TargetKind.MONO_VERTEX, namespace, name);
    }

    /** {@code namespace/name}, the form used in logs and metrics labels. */
    public String key() {
        return namespace + "/" + name;
    }

    @Override
    public String toString() {
        return kind.kubernetesKind() + " " + key();
    }

    private static void requireNonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, got '" + value + "'");
        }
    }
}
