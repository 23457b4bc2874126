package org.isoband.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.isoband.core.coach.Leg;
import org.junit.jupiter.api.Test;
import org.isoband.device.sim.Scenario;
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
    void theDefaultsAreAWorkingSimulatedSetupThatPublishesNothing() {
        GatewayConfig c = ConfigLoader.defaults();

        assertThat(c.sensor()).isEqualTo(new SensorConfig.Sim(Scenario.SESSION, 1, 1.0));
        assertThat(c.plan().legs()).containsExactly(Leg.RIGHT, Leg.LEFT);
        assertThat(c.plan().holdTargetS()).isEqualTo(6);
        assertThat(c.display().output()).isEqualTo(DisplayOutput.AUTO);
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
        // The example's sensor is the simulator; its hx711 and ads1115 sections say what they say once chosen.
        assertThat(c.sensor().kind()).isEqualTo(SensorConfig.Kind.SIM);
        assertThat(((SensorConfig.Hx711) withKind(copy, "hx711").sensor()).doutPin()).isEqualTo(5);
        assertThat(((SensorConfig.Ads1115) withKind(copy, "ads1115").sensor()).address()).isEqualTo(0x48);
        assertThat(c.plan().angles()).hasSize(5);
        assertThat(c.gpio().button()).isEqualTo(22);
        assertThat(c.mqtt().password()).isEqualTo("change-me");
        assertThat(c.mqtt().url()).as("a copied example publishes nowhere until a broker is set").isEmpty();
        assertThat(c.mqtt().toString()).doesNotContain("change-me");
        assertThat(c.fullScaleN()).isEqualTo(1000);
    }

    /** {@code file} with its sensor kind replaced by {@code kind}. */
    private GatewayConfig withKind(Path file, String kind) throws Exception {
        Path other = dir.resolve("kind-" + kind + ".yaml");
        String text = Files.readString(file);
        assertThat(text).contains("kind: sim ");
        Files.writeString(other, text.replace("kind: sim ", "kind: " + kind + " "));
        return ConfigLoader.load(other);
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
        assertThat(ConfigLoader.defaults().units().unit()).isEqualTo(org.isoband.core.unit.ForceUnit.N);
        assertThat(ConfigLoader.defaults().strength().maxTest()).isTrue();

        assertThat(problems("units:\n  force: stone\n")).containsExactly("F:2: units.force: 'stone' is not one of n, kg, lb");
        assertThat(problems("strength:\n  zone_low_pct: 90\n  zone_high_pct: 80\n")).singleElement()
                .asString().startsWith("F:2: strength.zone_low_pct: the target zone must be 0 < low < high");
    }

    @Test
    void aMissingTlsFileIsNamed() throws IOException {
        assertThat(problems("sensor: {kind: ble}\nmqtt:\n  url: ssl://broker:8883\n  ca_file: ca.crt\n"))
                .containsExactly("F:4: mqtt.ca_file: no readable file " + dir.resolve("ca.crt"));
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
    void aBandIdIsOptionalAndOneWithASpaceIsNamed() throws Exception {
        assertThat(ConfigLoader.load(write("band: red\n")).bandId()).isEmpty();
        assertThat(ConfigLoader.load(write("band: red\nband_id: band-0042\n")).bandId()).contains("band-0042");
        assertThat(problems("band: red\nband_id: my band\n")).containsExactly(
                "F:2: band_id: 'my band' must be 1-64 letters, digits, ':', '.', '_' or '-' (a serial number or a label "
                        + "such as band-0042)");
    }

    @Test
    void homeAssistantsBirthTopicIsItsDefaultWhateverTheDiscoveryPrefixAndAWildcardIsNamed() throws Exception {
        assertThat(ConfigLoader.load(write("band: red\n")).mqtt().haStatusTopic()).isEqualTo("homeassistant/status");
        assertThat(ConfigLoader.load(write("mqtt:\n  ha_status_topic: hass/status\n")).mqtt().haStatusTopic()).isEqualTo("hass/status");
        assertThat(problems("mqtt:\n  ha_status_topic: hass/#\n")).containsExactly(
                "F:2: mqtt.ha_status_topic: must be a topic without wildcards or spaces, found 'hass/#'");
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
    void anEmptyFileIsRefusedWithHowToFillIt() throws IOException {
        assertThat(problems("")).containsExactly(
                "F: the file is empty (or only comments): write the example into it with 'isoband config example > F', then edit it");
        assertThat(problems("# only a comment\n\n---\n")).singleElement().asString().startsWith("F: the file is empty");
    }

    @Test
    void aSimulatedAthleteIsPublishedToABrokerOnlyWhenAskedFor() throws Exception {
        assertThat(problems("mqtt:\n  url: tcp://homeassistant.local:1883\n")).containsExactly(
                "F:2: mqtt.url: the sensor is the simulated athlete (sensor.kind: sim): set the real sensor's kind, "
                        + "or mqtt.publish_simulated: true to publish simulated reps to tcp://homeassistant.local:1883");
        assertThat(problems("mqtt:\n  url: tcp://localhost:1883\n  publish_simulated: true\n")).isEmpty();
        assertThat(problems("sensor: {kind: hx711}\nmqtt:\n  url: tcp://localhost:1883\n")).isEmpty();
    }

    private List<String> warnings(String yaml) throws Exception {
        Path file = write(yaml);
        return ConfigLoader.check(file).warnings().stream().map(p -> p.toString().replace(file.toString(), "F")).toList();
    }

    @Test
    void aDuplicateKeyIsNamedWithBothLines() throws IOException {
        assertThat(problems("band: red\nmqtt:\n  url: \"\"\n  url: \"\"\nband: blue\n")).containsExactly(
                "F:4: mqtt.url: a second 'url' (the first is on line 3): keep one of them",
                "F:5: band: a second 'band' (the first is on line 1): keep one of them");
    }

    @Test
    void namesThatCannotBeTopicLevelsAreRefused() throws IOException {
        assertThat(problems("gateway: \"###\"\nband: \"+/\"\n")).containsExactly(
                "F:1: gateway: '###' has no letter or digit to name MQTT topics with: use a name like living-room",
                "F:2: band: '+/' has no letter or digit to name MQTT topics with: use a name like living-room");
        assertThat(problems("sensor: {kind: ble}\nmqtt:\n  url: tcp://b:1883\n  topic_prefix: home/#\n")).containsExactly(
                "F:4: mqtt.topic_prefix: 'home/#' must be topic levels separated by single slashes, without spaces, + or #: "
                        + "e.g. isoband or home/isoband");
    }

    @Test
    void aStorageFileThatCanNeverBeOneIsRefused() throws IOException {
        Files.writeString(dir.resolve("plain-file"), "");

        assertThat(problems("storage:\n  file: /\n")).containsExactly(
                "F:2: storage.file: / is a folder: name a file in it, e.g. /gateway.db");
        assertThat(problems("storage:\n  file: plain-file/isoband/gw.db\n")).containsExactly(
                "F:2: storage.file: the folder " + dir.resolve("plain-file/isoband") + " cannot be created: "
                        + dir.resolve("plain-file") + " is a file");
        assertThat(problems("storage:\n  file: new/folder/gw.db\n")).isEmpty();
    }

    @Test
    void aScreenSnapshotInAFolderThatDoesNotExistIsRefused() throws IOException {
        assertThat(problems("display:\n  snapshot: no-such-folder/screen.png\n")).containsExactly(
                "F:2: display.snapshot: the folder " + dir.resolve("no-such-folder") + " does not exist: create it, "
                        + "or name a file in an existing folder");
        assertThat(problems("display:\n  snapshot: screen.png\n")).isEmpty();
    }

    @Test
    void brokerUrlsThatNoBrokerHasAreRefused() throws IOException {
        String ble = "sensor: {kind: ble}\nmqtt:\n  url: ";
        assertThat(problems(ble + "\"tcp://exa mple:1883\"\n")).containsExactly(
                "F:3: mqtt.url: 'tcp://exa mple:1883' is not a broker address (illegal character in authority): "
                        + "expected tcp://HOST:1883");
        assertThat(problems(ble + "tcp://broker:99999\n")).containsExactly(
                "F:3: mqtt.url: the port of 'tcp://broker:99999' must be between 1 and 65535: expected tcp://HOST:1883");
        assertThat(problems(ble + "ssl://:8883\n")).singleElement().asString().contains("expected ssl://HOST:8883");
        assertThat(problems(ble + "tcp://broker:1883/isoband\n")).singleElement().asString().contains("has a path");
        assertThat(problems(ble + "tcp://broker.local\n")).isEmpty();
    }

    @Test
    void aDashboardBindThatIsNoAddressIsRefusedAndAnOpenOneWithoutTokenWarned() throws Exception {
        assertThat(problems("dashboard:\n  bind: yes\n")).containsExactly(
                "F:2: dashboard.bind: 'yes' is not an address of this machine: use 127.0.0.1 (this machine only) or "
                        + "0.0.0.0 (every network of this machine)");
        assertThat(problems("dashboard:\n  bind: 192.0.2.7\n")).singleElement().asString()
                .contains("'192.0.2.7' (192.0.2.7) is not an address of this machine");

        assertThat(warnings("dashboard:\n  bind: 0.0.0.0\n")).containsExactly(
                "F:2: dashboard.bind: warning: 0.0.0.0 opens the dashboard to the network without a token: anyone there "
                        + "can read the history; set dashboard.token (e.g. the output of: openssl rand -hex 16)");
        assertThat(warnings("dashboard:\n  bind: 0.0.0.0\n  token: 0123456789abcdef\n")).isEmpty();
        assertThat(warnings("dashboard:\n  bind: 127.0.0.1\n")).isEmpty();
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
