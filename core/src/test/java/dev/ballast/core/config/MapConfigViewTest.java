package dev.ballast.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MapConfigViewTest {

    static final ConfigOption<Duration> TIMEOUT =
            ConfigOption.optional(
                    "timeout",
                    ValueType.duration(Duration.ofMillis(1), Duration.ofMinutes(1)),
                    Duration.ofSeconds(2),
                    "How long one request may take.");
    static final ConfigOption<Integer> PORT =
            ConfigOption.required("port", ValueType.integer(0, 65535), "The port.");
    static final ConfigOption<String> TLS =
            ConfigOption.optional(
                    "tls", ValueType.oneOf(Set.of("insecure", "verify")), "insecure", "TLS mode.");
    static final ConfigOption<Boolean> ENABLED =
            ConfigOption.optional("enabled", ValueType.bool(), false, "On or off.");
    static final ConfigOption<String> NAME =
            ConfigOption.required("name", ValueType.string(), "A name.");

    @Test
    void readsTypedValuesAndDefaults() {
        MapConfigView root =
                MapConfigView.root(
                        Map.of(
                                "source",
                                Map.of("daemon", Map.of("timeout", "500ms", "tls", "VERIFY")),
                                "server",
                                Map.of("port", 9090, "enabled", "true")));
        ConfigView daemon = root.section("source").section("daemon");

        assertThat(daemon.path()).isEqualTo("source.daemon");
        assertThat(daemon.get(TIMEOUT)).isEqualTo(Duration.ofMillis(500));
        assertThat(daemon.get(TLS)).isEqualTo("verify");
        assertThat(root.section("server").get(PORT)).isEqualTo(9090);
        assertThat(root.section("server").get(ENABLED)).isTrue();
        assertThat(root.section("absent").get(TIMEOUT)).isEqualTo(Duration.ofSeconds(2));
        assertThat(root.section("absent").getOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void pathOfNamesAnOptionFromTheRoot() {
        MapConfigView root = MapConfigView.root(Map.of());

        assertThat(root.pathOf(PORT)).isEqualTo("port");
        assertThat(root.section("source").section("daemon").pathOf(TIMEOUT))
                .isEqualTo("source.daemon.timeout");
    }

    @Test
    void aBadValueNamesTheKeyPathTheValueAndWhatIsAllowed() {
        MapConfigView root =
                MapConfigView.root(Map.of("source", Map.of("daemon", Map.of("timeout", "5x"))));

        assertThatThrownBy(() -> root.section("source").section("daemon").get(TIMEOUT))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "source.daemon.timeout: '5x' is not valid; expected a duration such as"
                                + " 500ms, 5s, 2m or 1h, from 1ms to 1m")
                .extracting(e -> ((ConfigException) e).keyPath())
                .isEqualTo("source.daemon.timeout");
    }

    @Test
    void outOfRangeAndWrongChoiceAreExplained() {
        MapConfigView root = MapConfigView.root(Map.of("port", 70000, "tls", "none"));

        assertThatThrownBy(() -> root.get(PORT))
                .hasMessage("port: '70000' is not valid; expected a whole number from 0 to 65535");
        assertThatThrownBy(() -> root.get(TLS))
                .hasMessage("tls: 'none' is not valid; expected one of insecure, verify");
    }

    @Test
    void aMissingRequiredValueIsAnError() {
        assertThatThrownBy(() -> MapConfigView.root(Map.of()).section("server").get(PORT))
                .hasMessage("server.port: is required; expected a whole number from 0 to 65535");
    }

    @Test
    void sectionListsCarryTheirIndexInThePath() {
        MapConfigView root =
                MapConfigView.root(
                        Map.of(
                                "discovery",
                                Map.of(
                                        "static",
                                        List.of(Map.of("name", "a"), Map.of("nme", "b")))));

        List<ConfigView> targets = root.section("discovery").sectionList("static");

        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).get(NAME)).isEqualTo("a");
        assertThatThrownBy(() -> targets.get(1).get(NAME))
                .hasMessage("discovery.static[1].name: is required; expected a string");
        assertThat(root.unreadKeys()).containsExactly("discovery.static[1].nme");
    }

    @Test
    void keysNobodyReadAreReportedWithTheirFullPath() {
        MapConfigView root =
                MapConfigView.root(
                        Map.of(
                                "interval",
                                "5s",
                                "sourc",
                                Map.of(),
                                "server",
                                Map.of("port", 1, "prot", 2)));
        root.getOptional(
                ConfigOption.optional(
                        "interval",
                        ValueType.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
                        Duration.ofSeconds(30),
                        "Interval."));
        root.section("server").get(PORT);

        assertThat(root.unreadKeys()).containsExactly("server.prot", "sourc");
    }

    @Test
    void anEmptyListItemIsAnErrorNamingTheKey() {
        java.util.List<Object> namespaces = new java.util.ArrayList<>();
        namespaces.add("a");
        namespaces.add(null);
        MapConfigView root = MapConfigView.root(Map.of("namespaces", namespaces));

        assertThatThrownBy(
                        () ->
                                root.get(
                                        ConfigOption.required(
                                                "namespaces",
                                                ValueType.stringList(),
                                                "Namespaces.")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "namespaces: '[a, null]' is not valid; expected a list of strings, got an"
                                + " empty item");
    }

    @Test
    void aMisspeltKeyWithAnEmptyValueIsStillReported() {
        Map<String, Object> raw = new java.util.HashMap<>();
        raw.put("intervall", null);
        raw.put("server", Map.of());

        MapConfigView root = MapConfigView.root(raw);
        root.section("server");

        assertThat(root.unreadKeys()).containsExactly("intervall");
        assertThat(root.contains("intervall")).isFalse();
    }

    @Test
    void aScalarWhereASectionBelongsIsAnError() {
        MapConfigView root = MapConfigView.root(Map.of("source", "daemon"));

        assertThatThrownBy(() -> root.section("source"))
                .hasMessage("source: expected a section, got 'daemon'");
    }

    @Test
    void durationsReadAndWriteTheConfigForm() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse(" 5s ")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThatThrownBy(() -> Durations.parse("5 minutes"))
                .hasMessage(
                        "'5 minutes' is not a duration; expected a duration such as 500ms, 5s, 2m"
                                + " or 1h");
        assertThatThrownBy(() -> Durations.parse("-5s"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOptionDescribesItself() {
        assertThat(TIMEOUT)
                .hasToString(
                        "timeout (a duration such as 500ms, 5s, 2m or 1h, from 1ms to 1m, default"
                                + " 2s)");
        assertThatThrownBy(() -> ConfigOption.required("a.b", ValueType.string(), "x"))
                .hasMessageContaining("without dots");
    }
}
