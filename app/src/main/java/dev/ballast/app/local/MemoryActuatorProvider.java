package dev.ballast.app.local;

import dev.ballast.core.spi.Actuator;
import dev.ballast.core.spi.ActuatorProvider;
import dev.ballast.core.spi.ProviderContext;

/**
 * Provides the {@code memory} actuator. The app seeds it with each static target's {@code
 * replicas}.
 */
public final class MemoryActuatorProvider implements ActuatorProvider {

    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Actuator create(ProviderContext context) {
        return new MemoryActuator(context.clock());
    }
}
