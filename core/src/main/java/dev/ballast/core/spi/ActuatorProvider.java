package dev.ballast.core.spi;

import dev.ballast.core.config.ConfigOption;
import java.util.List;

/**
 * Creates a {@link Actuator}. Found with {@link java.util.ServiceLoader} (list the implementation
 * in {@code META-INF/services/dev.ballast.core.spi.ActuatorProvider}) and chosen by {@link #name()}
 * in the config key {@code actuator.type}.
 */
public interface ActuatorProvider {

    /**
     * The short name users write in {@code actuator.type}, for example {@code kubernetes}. Lower
     * case, unique.
     */
    String name();

    /**
     * Creates the actuator from the provider's config section ({@code actuator.<name>}).
     *
     * @throws dev.ballast.core.config.ConfigException naming the key, value and what is allowed
     *     when the configuration cannot be used
     */
    Actuator create(ProviderContext context);

    /**
     * The options this provider reads from its section, for the configuration reference. The
     * default is none.
     */
    default List<ConfigOption<?>> options() {
        return List.of();
    }
}
