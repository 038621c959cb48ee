package dev.ballast.core.model;

/** The kinds of Numaflow object that Ballast can scale. */
public enum TargetKind {
    /** A {@code numaflow.numaproj.io/v1alpha1} MonoVertex. */
    MONO_VERTEX("MonoVertex"),
    /** A {@code numaflow.numaproj.io/v1alpha1} pipeline Vertex. */
    VERTEX("Vertex");

    private final String kubernetesKind;

    TargetKind(String kubernetesKind) {
        this.kubernetesKind = kubernetesKind;
    }

    /** The Kubernetes {@code kind}, for example {@code MonoVertex}. */
    public String kubernetesKind() {
        return kubernetesKind;
    }
}
