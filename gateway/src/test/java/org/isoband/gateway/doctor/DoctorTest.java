package org.isoband.gateway.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.isoband.gateway.config.ConfigLoader;
import org.isoband.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

/** The checks against made-up machines. */
class DoctorTest {

    /** A machine described by what exists and what commands answer. */
    private record FakeMachine(Set<Path> paths, Set<Path> writable, Map<Path, List<String>> folders,
                               Map<String, String> commands, boolean brokerUp) implements MachineView {
        @Override
        public boolean exists(Path path) {
            return paths.contains(path);
        }

        @Override
        public boolean readableAndWritable(Path path) {
            return writable.contains(path);
        }

        @Override
        public List<String> list(Path folder) {
            return folders.getOrDefault(folder, List.of());
        }

        @Override
        public Optional<String> read(Path file) {
            return Optional.empty();
        }

        @Override
        public Optional<String> run(String... command) {
            return Optional.ofNullable(commands.get(String.join(" ", command)));
        }

        @Override
        public boolean connects(String host, int port, int timeoutMillis) {
            return brokerUp;
        }

        @Override
        public List<String> lanAddresses() {
            return List.of("192.168.1.20");
        }
    }

    private static GatewayConfig config(String yaml) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("doctor", ".yaml");
        java.nio.file.Files.writeString(f, yaml);
        return ConfigLoader.load(f);
    }

    private static final Path HOME = Path.of(System.getProperty("user.home"));

    private static FakeMachine pi(boolean gpioAllowed, boolean brokerUp) {
        Map<String, String> commands = new HashMap<>();
        commands.put("busctl --system status org.bluez", "PID=1");
        commands.put("id -Gn", "isoband bluetooth gpio i2c video");
        commands.put("timedatectl show -p NTPSynchronized --value", "yes");
        Path chip = Path.of("/dev/gpiochip0");
        return new FakeMachine(Set.of(chip, Path.of("/tmp")), gpioAllowed ? Set.of(chip, Path.of("/tmp")) : Set.of(Path.of("/tmp")),
                Map.of(Path.of("/sys/class/bluetooth"), List.of("hci0")), commands, brokerUp);
    }

    @Test
    void aWellSetUpPiHasNothingToFix() throws Exception {
        GatewayConfig c = config("sensor: {kind: ble}\nmqtt: {url: tcp://ha.local:1883}\nstorage: {file: /tmp/isoband/gw.db}\ngpio: {buzzer: 17}\n");

        List<Check> checks = new Doctor(pi(true, true)).examine(c);

        assertThat(checks).allSatisfy(check -> assertThat(check.status()).as(check.toString()).isEqualTo(Check.Status.OK));
    }

    @Test
    void whatTheConfigurationNeedsFailsWithAFix() throws Exception {
        GatewayConfig c = config("sensor: {kind: hx711}\nmqtt: {url: tcp://ha.local:1883}\nstorage: {file: /tmp/isoband/gw.db}\n");

        List<Check> checks = new Doctor(pi(false, false)).examine(c);

        assertThat(checks).filteredOn(ch -> ch.status() == Check.Status.FAIL).extracting(Check::name)
                .containsExactlyInAnyOrder("GPIO", "MQTT broker");
        assertThat(checks).filteredOn(ch -> ch.name().equals("GPIO")).singleElement().satisfies(ch -> {
            assertThat(ch.found()).isEqualTo("permission denied on /dev/gpiochip0");
            assertThat(ch.fix()).contains("usermod -aG gpio");
        });
        assertThat(checks).filteredOn(ch -> ch.name().equals("MQTT broker")).singleElement()
                .extracting(Check::found).isEqualTo("cannot connect to ha.local:1883");
    }

    @Test
    void aBleBandWithoutAnAdapterFails() throws Exception {
        FakeMachine noAdapter = new FakeMachine(Set.of(), Set.of(HOME), Map.of(), Map.of(), false);

        List<Check> checks = new Doctor(noAdapter).examine(config("sensor: {kind: ble}\n"));

        assertThat(checks).filteredOn(ch -> ch.name().equals("Bluetooth adapter")).singleElement()
                .satisfies(ch -> assertThat(ch.status()).isEqualTo(Check.Status.FAIL));
    }

    @Test
    void aDashboardOpenToTheHomeNetworkHasTheAddressPhonesOpenWithItsToken() throws Exception {
        GatewayConfig open = config("dashboard: {bind: 0.0.0.0, port: 8081, token: 0123456789abcdef}\n");
        Doctor doctor = new Doctor(pi(true, true));

        assertThat(doctor.dashboardUrl(open)).hasValue("http://192.168.1.20:8081/?token=0123456789abcdef");
        assertThat(doctor.examine(open)).filteredOn(ch -> ch.name().equals("Dashboard")).singleElement().satisfies(ch -> {
            assertThat(ch.status()).isEqualTo(Check.Status.OK);
            assertThat(ch.found()).isEqualTo("http://192.168.1.20:8081/?token=... (phones on the home network: the QR code below)");
        });
        assertThat(doctor.dashboardUrl(config("band: red\n"))).as("127.0.0.1: this machine only").isEmpty();
    }

    @Test
    void aDashboardThatIsNotRunningIsAWarningSayingHowToStartIt() throws Exception {
        GatewayConfig open = config("dashboard: {bind: 0.0.0.0, token: 0123456789abcdef}\n");

        List<Check> checks = new Doctor(pi(true, false)).examine(open);

        assertThat(checks).filteredOn(ch -> ch.name().equals("Dashboard")).singleElement().satisfies(ch -> {
            assertThat(ch.status()).isEqualTo(Check.Status.WARN);
            assertThat(ch.found()).isEqualTo("not running (it would be at http://192.168.1.20:8080/?token=...)");
            assertThat(ch.fix()).contains("sudo systemctl enable --now isoband-dashboard");
        });
    }
}
