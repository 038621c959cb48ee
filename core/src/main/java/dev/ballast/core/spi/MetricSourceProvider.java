package dev.ballast.core.spi;

import dev.ballast.core.config.ConfigOption;
import java.util.List;

/**
 * Creates a {@link MetricSource}. Found with {@link java.util.ServiceLoader} (list the
 * implementation in {@code META-INF/services/dev.ballast.core.spi.MetricSourceProvider}) and chosen
 * by {@link #name()} in the config key {@code source.type}.
 */
public interface MetricSourceProvider {

    /**
     * The short name users write in {@code source.type}, for example {@code daemon}. Lower case,
     * unique.
     */
    String name();

    /**
     * Creates the metric source from the provider's config section ({@code source.<name>}).
     *
     * @throws dev.ballast.core.config.ConfigException naming the key, value and what is allowed
     *     when the configuration cannot be used
     */
    MetricSource create(ProviderContext context);

    /**
     * The options this provider reads from its section, for the configuration reference. The
     * default is none.
     */
    default List<ConfigOption<?>> options() {
        return List.of();
    }
}
