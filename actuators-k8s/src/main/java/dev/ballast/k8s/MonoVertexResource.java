package dev.ballast.k8s;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Where MonoVertex objects live in the Kubernetes API. */
final class MonoVertexResource {

    static final String GROUP = "numaflow.numaproj.io";
    static final String VERSION = "v1alpha1";
    static final String KIND = "MonoVertex";
    static final String PLURAL = "monovertices";

    /** Opt-in annotation: Ballast manages an object only when it is {@code "true"}. */
    static final String MANAGED_ANNOTATION = "ballast.dev/managed";

    /** Prefix of the annotations that override {@code spec.scale} fields. */
    static final String ANNOTATION_PREFIX = "ballast.dev/";

    static final ResourceDefinitionContext CONTEXT =
            new ResourceDefinitionContext.Builder()
                    .withGroup(GROUP)
                    .withVersion(VERSION)
                    .withKind(KIND)
                    .withPlural(PLURAL)
                    .withNamespaced(true)
                    .build();

    private MonoVertexResource() {}

    static String apiVersion() {
        return GROUP + "/" + VERSION;
    }
}
