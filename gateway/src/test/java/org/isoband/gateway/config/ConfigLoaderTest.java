package org.isoband.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.isoband.core.coach.Leg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("isoband.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private List<String> problems(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            ConfigLoader.load(file);
            return List.of();
        } catch (ConfigException e) {
            return e.problems().stream().map(p -> p.toString().replace(file.toString(), "F")).toList();
        }
    }

    @Test
    void anEmptyFileGivesAWorkingSimulatedSetup() throws Exception {
        GatewayConfig c = ConfigLoader.load(write(""));

        assertThat(c.sensor().kind()).isEqualTo("sim");
        assertThat(c.plan().legs()).containsExactly(Leg.RIGHT, Leg.LEFT);
        assertThat(c.plan().holdTargetS()).isEqualTo(6);
        assertThat(c.display().output()).isEqualTo("auto");
        assertThat(c.dashboard().bind()).isEqualTo("127.0.0.1");
        assertThat(c.mqtt().url()).isEmpty();
    }

    @Test
    void theExampleFileIsValidAndSaysWhatItSays() throws Exception {
        Path example = Path.of("src", "main", "resources", "org", "isoband", "gateway", "config", "isoband.example.yaml");
        Files.createDirectories(dir.resolve("recordings"));
        Path copy = dir.resolve("example.yaml");
        Files.copy(example, copy);

        GatewayConfig c = ConfigLoader.load(copy);

        assertThat(c.gateway()).isEqualTo("living-room");
        assertThat(c.sensor().hx711().doutPin()).isEqualTo(5);
        assertThat(c.sensor().ads1115().address()).isEqualTo(0x48);
        assertThat(c.plan().angles()).hasSize(5);
        assertThat(c.gpio().button()).isEqualTo(22);
        assertThat(c.mqtt().password()).isEqualTo("change-me");
        assertThat(c.mqtt().toString()).doesNotContain("change-me");
        assertThat(c.fullScaleN()).isEqualTo(1000);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndTheNearestKnownKey() throws IOException {
        assertThat(problems("mqtt:\n  urll: tcp://x:1883\n")).containsExactly("F:2: mqtt.urll: unknown key (did you mean 'url'?)");
        assertThat(problems("sensr:\n  kind: sim\n")).containsExactly("F:2: sensr: unknown key (did you mean 'sensor'?)");
    }

    @Test
    void wrongTypesAndRangesAreNamed() throws IOException {
        assertThat(problems("""
                plan:
                  reps_per_angle: five
                  hold_target_s: 600
                sensor:
                  hx711:
                    rate_hz: 40
                dashboard:
                  port: 0
                display:
                  output: hdmi
                """)).containsExactlyInAnyOrder(
                "F:2: plan.reps_per_angle: expected a whole number, found 'five'",
                "F:3: plan.hold_target_s: must be between 1 and 60, found 600",
                "F:6: sensor.hx711.rate_hz: the HX711 runs at 10 or 80 Hz (its RATE pin), found 40",
                "F:8: dashboard.port: must be between 1 and 65535, found 0",
                "F:10: display.output: 'hdmi' is not one of auto, window, fullscreen, framebuffer, terminal, none");
    }

    @Test
    void unitsAndStrengthAreReadAndTheirMistakesNamed() throws Exception {
        GatewayConfig c = ConfigLoader.load(write("units:\n  force: kg\n  body_weight_kg: 72\nstrength:\n  pulls: 3\n"
                + "  zone_low_pct: 65\n  zone_high_pct: 85\n"));
        assertThat(c.units().unit()).isEqualTo(org.isoband.core.unit.ForceUnit.KG);
        assertThat(c.units().bodyWeightKg()).isEqualTo(72);
        assertThat(c.strength().pullsPerPosition()).isEqualTo(3);
        assertThat(c.strength().zone(200).lowN()).isEqualTo(130);
        assertThat(ConfigLoader.load(write("")).units().unit()).isEqualTo(org.isoband.core.unit.ForceUnit.N);
        assertThat(ConfigLoader.load(write("")).strength().maxTest()).isTrue();

        assertThat(problems("units:\n  force: stone\n")).containsExactly("F:2: units.force: 'stone' is not one of n, kg, lb");
        assertThat(problems("strength:\n  zone_low_pct: 90\n  zone_high_pct: 80\n")).singleElement()
                .asString().startsWith("F:2: strength.zone_low_pct: the target zone must be 0 < low < high");
    }

    @Test
    void aMissingTlsFileIsNamed() throws IOException {
        assertThat(problems("mqtt:\n  url: ssl://broker:8883\n  ca_file: ca.crt\n"))
                .containsExactly("F:3: mqtt.ca_file: no readable file " + dir.resolve("ca.crt"));
    }

    @Test
    void rulesAcrossKeysAreChecked() throws IOException {
        assertThat(problems("mqtt:\n  url: mqtt://broker\n")).containsExactly(
                "F:2: mqtt.url: must start with tcp:// or ssl://, found 'mqtt://broker'");
        assertThat(problems("plan:\n  hold_target_s: 8\n  stop_after_s: 7\n")).containsExactly(
                "F:2: plan: the stop cue (7.0 s) must come after the hold target (8.0 s)");
        assertThat(problems("sensor:\n  kind: replay\n")).containsExactly(
                "F:2: sensor.replay.file: sensor kind 'replay' needs replay.file: the recording to play");
    }

    @Test
    void aSectionWhereAValueBelongsAndTheOtherWayRoundAreNamed() throws IOException {
        assertThat(problems("sensor: hx711\n")).containsExactly(
                "F:1: sensor: expected a section (keys indented under it), found a value");
        assertThat(problems("band:\n  name: red\n")).containsExactly("F:2: band: expected a single value, found a section");
    }

    @Test
    void brokenYamlNamesItsLine() throws IOException {
        assertThat(problems("mqtt:\n  url: tcp://x\n   bad indent: [\n")).singleElement()
                .asString().startsWith("F:3: not valid YAML");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.yaml")))
                .hasMessage(dir.resolve("none.yaml") + ": no such file");
    }

    @Test
    void didYouMeanUsesEditDistance() {
        assertThat(YamlSection.distance("urll", "url")).isEqualTo(1);
        assertThat(YamlSection.distance("kitten", "sitting")).isEqualTo(3);
    }
}
