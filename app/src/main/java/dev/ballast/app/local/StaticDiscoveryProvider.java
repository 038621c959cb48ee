package dev.ballast.app.local;

import dev.ballast.core.spi.ProviderContext;
import dev.ballast.core.spi.TargetDiscovery;
import dev.ballast.core.spi.TargetDiscoveryProvider;

/**
 * Provides the {@code static} discovery. Its configuration is a list ({@code discovery.static}), so
 * it is given the {@code discovery} section and reads the list from it.
 */
public final class StaticDiscoveryProvider implements TargetDiscoveryProvider {

    public static final String NAME = "static";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TargetDiscovery create(ProviderContext context) {
        return new StaticTargetDiscovery(StaticTargets.read(context.config().sectionList(NAME)));
    }
}
