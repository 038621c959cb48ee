package dev.ballast.app.wiring;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigView;
import dev.ballast.core.config.MapConfigView;
import dev.ballast.core.spi.ActuatorProvider;
import dev.ballast.core.spi.MetricSourceProvider;
import dev.ballast.core.spi.TargetDiscoveryProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds providers with {@link ServiceLoader} by the name given in {@code <kind>.type}, so that a
 * jar on the class path adds one without code changes.
 */
public final class ProviderRegistry {

    private ProviderRegistry() {}

    public static MetricSourceProvider source(String name) {
        return find(MetricSourceProvider.class, MetricSourceProvider::name, "source", name);
    }

    public static TargetDiscoveryProvider discovery(String name) {
        return find(
                TargetDiscoveryProvider.class, TargetDiscoveryProvider::name, "discovery", name);
    }

    public static ActuatorProvider actuator(String name) {
        return find(ActuatorProvider.class, ActuatorProvider::name, "actuator", name);
    }

    /**
     * The section a provider reads: {@code <kind>.<name>}, or {@code <kind>} itself when {@code
     * <kind>.<name>} is a list (as {@code discovery.static} is).
     */
    public static ConfigView sectionFor(MapConfigView root, String kind, String name) {
        MapConfigView parent = root.section(kind);
        return parent.isList(name) ? parent : parent.section(name);
    }

    /**
     * @throws ConfigException naming {@code <kind>.type}, the name given and the names available
     */
    static <P> P find(Class<P> type, Function<P, String> nameOf, String kind, String name) {
        List<P> all = new ArrayList<>();
        ServiceLoader.load(type).forEach(all::add);
        TreeSet<String> names = new TreeSet<>();
        for (P provider : all) {
            String n = nameOf.apply(provider);
            if (n.equals(name)) {
                return provider;
            }
            names.add(n);
        }
        throw new ConfigException(
                kind + ".type",
                "'" + name + "' is not valid; expected one of " + String.join(", ", names));
    }
}
