package dev.ballast.app.local;

import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.spi.TargetDiscovery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A fixed list of targets from the config file ({@code discovery.static}). */
public final class StaticTargetDiscovery implements TargetDiscovery {

    private final List<Target> targets;
    private final Map<TargetRef, Integer> initialReplicas;

    StaticTargetDiscovery(List<StaticTargets.Entry> entries) {
        this.targets =
                entries.stream()
                        .map(StaticTargets.Entry::target)
                        .collect(Collectors.toUnmodifiableList());
        this.initialReplicas =
                entries.stream()
                        .collect(
                                Collectors.toUnmodifiableMap(
                                        e -> e.target().ref(), StaticTargets.Entry::replicas));
    }

    @Override
    public List<Target> targets() {
        return targets;
    }

    /** The replicas each target starts with, for the memory actuator. */
    public Map<TargetRef, Integer> initialReplicas() {
        return initialReplicas;
    }
}
