package dev.ballast.core.spi;

import dev.ballast.core.config.ConfigOption;
import java.util.List;

/**
 * Creates a {@link TargetDiscovery}. Found with {@link java.util.ServiceLoader} (list the
 * implementation in {@code META-INF/services/dev.ballast.core.spi.TargetDiscoveryProvider}) and
 * chosen by {@link #name()} in the config key {@code discovery.type}.
 */
public interface TargetDiscoveryProvider {

    /**
     * The short name users write in {@code discovery.type}, for example {@code kubernetes}. Lower
     * case, unique.
     */
    String name();

    /**
     * Creates the target discovery from the provider's config section ({@code discovery.<name>}).
     *
     * @throws dev.ballast.core.config.ConfigException naming the key, value and what is allowed
     *     when the configuration cannot be used
     */
    TargetDiscovery create(ProviderContext context);

    /**
     * The options this provider reads from its section, for the configuration reference. The
     * default is none.
     */
    default List<ConfigOption<?>> options() {
        return List.of();
    }
}
