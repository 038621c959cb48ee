package dev.ballast.source.prometheus;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.model.TargetRef;

/**
 * Query templates with {@code {namespace}}, {@code {name}} and {@code {lookback}} placeholders.
 * Values are escaped for a PromQL double-quoted label matcher, so a name can never change the
 * query's meaning.
 */
final class PromQl {

    private final String template;

    private PromQl(String template) {
        this.template = template;
    }

    /**
     * Checks a template.
     *
     * @param keyPath the config key, for errors
     * @param allowed the placeholders this template may use
     */
    static PromQl parse(String keyPath, String template, String... allowed) {
        String rest = template;
        for (String placeholder : allowed) {
            rest = rest.replace("{" + placeholder + "}", "");
        }
        // PromQL itself uses braces for label matchers; only {word} forms are placeholders.
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{([a-zA-Z]+)\\}").matcher(rest);
        if (m.find()) {
            throw new ConfigException(
                    keyPath,
                    "'"
                            + template
                            + "' is not valid; unknown placeholder {"
                            + m.group(1)
                            + "} (allowed: "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(allowed)
                                            .map(a -> "{" + a + "}")
                                            .toList())
                            + ")");
        }
        return new PromQl(template);
    }

    /** The query for one target. */
    String forTarget(TargetRef target, int lookbackSeconds) {
        // One pass, so that a value holding "{name}" is never filled in again.
        java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            String value;
            switch (m.group(1)) {
                case "namespace":
                    value = escape(target.namespace());
                    break;
                case "name":
                    value = escape(target.name());
                    break;
                default:
                    value = Integer.toString(lookbackSeconds);
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\{(namespace|name|lookback)\\}");

    /** The query for every target at once. */
    String forAll(int lookbackSeconds) {
        return template.replace("{lookback}", Integer.toString(lookbackSeconds));
    }

    /** {@code value} escaped for the inside of a double-quoted PromQL string. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\':
                    out.append("\\\\");
                    break;
                case '"':
                    out.append("\\\"");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
