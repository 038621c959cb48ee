package dev.ballast.core.testing;

import dev.ballast.core.model.Target;
import dev.ballast.core.spi.TargetDiscovery;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link TargetDiscovery} over a list the test changes at will. */
public final class TestingDiscovery implements TargetDiscovery {

    private final List<Target> targets = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    public TestingDiscovery(Target... targets) {
        this.targets.addAll(List.of(targets));
    }

    public TestingDiscovery add(Target target) {
        targets.add(target);
        return this;
    }

    public TestingDiscovery removeIf(java.util.function.Predicate<Target> which) {
        targets.removeIf(which);
        return this;
    }

    /** Makes {@link #targets()} throw {@code failure} (or stop throwing, with {@code null}). */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public List<Target> targets() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
        return List.copyOf(targets);
    }
}
