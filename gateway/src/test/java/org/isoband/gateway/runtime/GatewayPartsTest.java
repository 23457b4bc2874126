package org.isoband.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.isoband.gateway.config.ConfigLoader;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.display.DashboardLink;
import org.isoband.gateway.doctor.MachineView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dashboard the screen's Phone page shows: the doctor's address for phones, or none. */
class GatewayPartsTest {
    @TempDir
    Path dir;

    private GatewayConfig config(String yaml) throws Exception {
        Path f = dir.resolve("isoband.yaml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f);
    }

    /** A Pi on a home network at 192.168.1.20 (only its address matters here). */
    private static final MachineView HOME_PI = new MachineView() {
        @Override
        public boolean exists(Path path) {
            return false;
        }

        @Override
        public boolean readableAndWritable(Path path) {
            return false;
        }

        @Override
        public List<String> list(Path folder) {
            return List.of();
        }

        @Override
        public Optional<String> read(Path file) {
            return Optional.empty();
        }

        @Override
        public Optional<String> run(String... command) {
            return Optional.empty();
        }

        @Override
        public boolean connects(String host, int port, int timeoutMillis) {
            return false;
        }

        @Override
        public List<String> lanAddresses() {
            return List.of("192.168.1.20");
        }
    };

    @Test
    void aDashboardOnTheHomeNetworkIsOfferedWithItsTokenInTheCodeOnly() throws Exception {
        Optional<DashboardLink> link = GatewayParts.phoneDashboard(
                config("dashboard: {bind: 0.0.0.0, port: 8081, token: 0123456789abcdef}\n"), HOME_PI);

        assertThat(link).map(DashboardLink::url).contains("http://192.168.1.20:8081/?token=0123456789abcdef");
        assertThat(link).map(DashboardLink::address).contains("http://192.168.1.20:8081/");
    }

    @Test
    void aDashboardForThisMachineOnlyIsNotOfferedToPhones() throws Exception {
        assertThat(GatewayParts.phoneDashboard(config("band: red\n"), HOME_PI)).as("the default, 127.0.0.1").isEmpty();
    }
}
