package dev.ballast.core.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of one section of Ballast's configuration, as given to providers. It carries no
 * library type, so that a provider depends on {@code ballast-core} alone.
 *
 * <p>Every error is a {@link ConfigException} that names the full key path, the value and what is
 * allowed.
 */
public interface ConfigView {

    /** The dotted path of this section from the root, empty for the root itself. */
    String path();

    /**
     * The full dotted path of {@code option} in this section, as error messages name it (for
     * example {@code source.daemon.caFile}).
     */
    default String pathOf(ConfigOption<?> option) {
        return path().isEmpty() ? option.key() : path() + "." + option.key();
    }

    /** The keys present in this section. */
    Set<String> keys();

    /** Whether {@code key} is present in this section. */
    boolean contains(String key);

    /**
     * The value of {@code option}, or its default when absent.
     *
     * @throws ConfigException if the value is not of the option's type, or it is absent and the
     *     option has no default
     */
    <T> T get(ConfigOption<T> option);

    /**
     * The value of {@code option} if present, ignoring its default.
     *
     * @throws ConfigException if the value is present but not of the option's type
     */
    <T> Optional<T> getOptional(ConfigOption<T> option);

    /**
     * The nested section {@code key}; an empty section when absent.
     *
     * @throws ConfigException if {@code key} holds something other than a section
     */
    ConfigView section(String key);

    /**
     * The list of sections under {@code key} (for example the static targets); empty when absent.
     * The sections' paths carry their index, as in {@code discovery.static[2]}.
     *
     * @throws ConfigException if {@code key} holds something other than a list of sections
     */
    List<ConfigView> sectionList(String key);
}
