package dev.ballast.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The manifests in deploy/ parse, grant least privilege, and describe a managed MonoVertex. */
class ManifestsTest {

    static final Path DEPLOY = Path.of("..", "deploy");

    @SuppressWarnings("unchecked")
    static List<HasMetadata> load(String file) throws Exception {
        try (InputStream in = Files.newInputStream(DEPLOY.resolve(file))) {
            Object parsed = Serialization.unmarshal(in);
            return parsed instanceof List
                    ? (List<HasMetadata>) parsed
                    : List.of((HasMetadata) parsed);
        }
    }

    static List<String> rules(List<PolicyRule> rules) {
        return rules.stream()
                .map(r -> r.getApiGroups() + " " + r.getResources() + " " + r.getVerbs())
                .collect(Collectors.toList());
    }

    @Test
    void rbacGrantsOnlyWhatBallastUses() throws Exception {
        List<HasMetadata> rbac = load("rbac.yaml");

        ClusterRole cluster =
                (ClusterRole)
                        rbac.stream()
                                .filter(o -> o instanceof ClusterRole)
                                .findFirst()
                                .orElseThrow();
        Role lease = (Role) rbac.stream().filter(o -> o instanceof Role).findFirst().orElseThrow();
        assertThat(rules(cluster.getRules()))
                .containsExactly(
                        "[numaflow.numaproj.io] [monovertices] [get, list, watch, patch]",
                        "[] [events] [create, patch]");
        assertThat(rules(lease.getRules()))
                .containsExactly("[coordination.k8s.io] [leases] [get, create, patch]");
        assertThat(lease.getMetadata().getNamespace()).isEqualTo("ballast-system");
    }

    @Test
    void theDeploymentProbesHealthAndReadiness() throws Exception {
        Deployment deployment =
                (Deployment)
                        load("deployment.yaml").stream()
                                .filter(o -> o instanceof Deployment)
                                .findFirst()
                                .orElseThrow();

        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getArgs())
                .containsExactly("run", "--config", "/etc/ballast/config.yaml");
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("ballast");
    }

    @Test
    void theExampleMonoVertexIsManaged() throws Exception {
        GenericKubernetesResource mv =
                (GenericKubernetesResource) load("example-monovertex.yaml").get(0);

        assertThat(MonoVertexReader.isManaged(mv)).isTrue();
        assertThat(MonoVertexReader.target(mv).scale().replicasPerScaleUp()).isEqualTo(3);
        assertThat(MonoVertexReader.target(mv).scale().max()).isEqualTo(20);
    }
}
