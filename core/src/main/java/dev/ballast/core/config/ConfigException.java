package dev.ballast.core.config;

/**
 * A configuration value that cannot be used. The message always names the full key path, the value
 * found and what is allowed, for example {@code interval: '5x' is not valid; expected a duration
 * such as 500ms, 5s, 2m or 1h}.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String keyPath;

    /**
     * @param keyPath the full dotted key path, for example {@code source.daemon.timeout}
     * @param message what is wrong with the value, naming the value and what is allowed
     */
    public ConfigException(String keyPath, String message) {
        super(keyPath.isEmpty() ? message : keyPath + ": " + message);
        this.keyPath = keyPath;
    }

    /** The full dotted key path of the bad value. */
    public String keyPath() {
        return keyPath;
    }
}
