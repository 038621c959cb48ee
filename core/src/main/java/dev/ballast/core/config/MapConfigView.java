package dev.ballast.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ConfigView} over nested maps and lists, as a YAML or JSON parser produces them. It
 * remembers which keys were read, so that {@link #unreadKeys()} can reject keys nobody understood.
 */
public final class MapConfigView implements ConfigView {

    private final String path;
    private final Map<String, Object> values;
    private final Set<String> emptyKeys;
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    private final Map<String, MapConfigView> children = new ConcurrentHashMap<>();
    private final Map<String, List<ConfigView>> childLists = new ConcurrentHashMap<>();

    private MapConfigView(String path, Map<?, ?> raw) {
        this.path = path;
        Map<String, Object> copy = new LinkedHashMap<>();
        Set<String> empty = new TreeSet<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new ConfigException(path, "keys must be strings, got '" + e.getKey() + "'");
            }
            if (e.getValue() == null) {
                empty.add((String) e.getKey());
            } else {
                copy.put((String) e.getKey(), e.getValue());
            }
        }
        this.values = Collections.unmodifiableMap(copy);
        this.emptyKeys = Collections.unmodifiableSet(empty);
    }

    /**
     * The root section over {@code values}. A key with a {@code null} value counts as absent, but
     * is still reported by {@link #unreadKeys()} when no one asks for it, so that a misspelt key
     * with an empty value does not pass unnoticed.
     */
    public static MapConfigView root(Map<String, ?> values) {
        return new MapConfigView("", values);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public boolean contains(String key) {
        return values.containsKey(key);
    }

    @Override
    public <T> T get(ConfigOption<T> option) {
        Optional<T> value = getOptional(option);
        if (value.isPresent()) {
            return value.get();
        }
        return option.defaultValue()
                .orElseThrow(
                        () ->
                                new ConfigException(
                                        pathOf(option.key()),
                                        "is required; expected " + option.type().description()));
    }

    @Override
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        read.add(option.key());
        Object raw = values.get(option.key());
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(option.type().parse(raw));
        } catch (RuntimeException e) {
            throw new ConfigException(
                    pathOf(option.key()),
                    "'" + raw + "' is not valid; " + lowerFirst(e.getMessage()));
        }
    }

    @Override
    public MapConfigView section(String key) {
        read.add(key);
        return children.computeIfAbsent(
                key, k -> new MapConfigView(pathOf(k), asMap(k, values.get(k))));
    }

    /** Whether {@code key} holds a list (rather than a section or a value). */
    public boolean isList(String key) {
        return values.get(key) instanceof List<?>;
    }

    @Override
    public List<ConfigView> sectionList(String key) {
        read.add(key);
        return childLists.computeIfAbsent(key, this::buildList);
    }

    /**
     * The full paths of keys present in this section or below that no one read, in order. A section
     * that was read counts as read only for the keys inside it that were read.
     */
    public Set<String> unreadKeys() {
        Set<String> unread = new TreeSet<>();
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                unread.add(pathOf(key));
            }
        }
        for (String key : emptyKeys) {
            if (!read.contains(key)) {
                unread.add(pathOf(key));
            }
        }
        for (MapConfigView child : children.values()) {
            unread.addAll(child.unreadKeys());
        }
        for (List<ConfigView> list : childLists.values()) {
            for (ConfigView item : list) {
                unread.addAll(((MapConfigView) item).unreadKeys());
            }
        }
        return unread;
    }

    private List<ConfigView> buildList(String key) {
        Object raw = values.get(key);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?>)) {
            throw new ConfigException(
                    pathOf(key), "expected a list of sections, got '" + raw + "'");
        }
        List<ConfigView> views = new ArrayList<>();
        List<?> items = (List<?>) raw;
        for (int i = 0; i < items.size(); i++) {
            String itemPath = pathOf(key) + "[" + i + "]";
            views.add(new MapConfigView(itemPath, asMap(itemPath, items.get(i), true)));
        }
        return List.copyOf(views);
    }

    private Map<?, ?> asMap(String key, Object raw) {
        return asMap(pathOf(key), raw, false);
    }

    private static Map<?, ?> asMap(String fullPath, Object raw, boolean required) {
        if (raw == null) {
            if (required) {
                throw new ConfigException(fullPath, "expected a section, got nothing");
            }
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?>)) {
            throw new ConfigException(fullPath, "expected a section, got '" + raw + "'");
        }
        return (Map<?, ?>) raw;
    }

    private String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String lowerFirst(String message) {
        if (message == null || message.isEmpty()) {
            return "invalid value";
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    @Override
    public String toString() {
        return "ConfigView{" + (path.isEmpty() ? "<root>" : path) + ": " + values.keySet() + "}";
    }
}
