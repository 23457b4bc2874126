package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isoband dashboard}: starts, says where, stops after --duration; bad options are one line, exit 2. */
class DashboardCommandTest {
    @TempDir
    Path dir;

    @Test
    void startsOnAFreePortWithASqliteFileAndStopsCleanly() {
        Path db = dir.resolve("sub/dash.db");
        CliRun run = CliRun.of("dashboard", "--port", "0", "--db", db.toString(), "--duration", "1s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("isoband dashboard: http://127\\.0\\.0\\.1:\\d+/")
                .contains("database " + db, "broker none")
                .contains("isoband dashboard: stopped");
        assertThat(Files.isRegularFile(db)).isTrue();
    }

    @Test
    void takesTheDatabaseBindAndTokenFromTheConfiguration() throws Exception {
        Path db = dir.resolve("from-config.db");
        Path config = dir.resolve("isoband.yaml");
        Files.writeString(config, "dashboard:\n  bind: 127.0.0.1\n  port: 8099\n  database: " + db + "\n  token: abc123\n");
        DashboardCommand command = new DashboardCommand();
        command.config = config;
        command.broker = "tcp://127.0.0.1:1883";

        var settings = command.settings(org.isoband.gateway.config.ConfigLoader.load(config));

        assertThat(settings.database()).isEqualTo(db.toString());
        assertThat(settings.token()).isEqualTo("abc123");
        assertThat(settings.bind()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8099);
        assertThat(settings.brokerUrl()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(settings.topicPrefix()).isEqualTo("isoband");
        assertThat(settings.toString()).doesNotContain("abc123");
    }

    @Test
    void speaksTheProtocolTheConfigurationGivesTheGatewayMqtt5Unless311IsSet() throws Exception {
        Path config = dir.resolve("isoband.yaml");
        DashboardCommand command = new DashboardCommand();
        command.config = config;
        command.broker = "tcp://127.0.0.1:1883";
        Files.writeString(config, "dashboard:\n  database: " + dir.resolve("d.db") + "\n");
        assertThat(command.settings(org.isoband.gateway.config.ConfigLoader.load(config)).protocol())
                .isEqualTo(org.isoband.core.mqtt.MqttProtocol.V5);

        Files.writeString(config, "dashboard:\n  database: " + dir.resolve("d.db") + "\nmqtt:\n  protocol: 3.1.1\n");
        assertThat(command.settings(org.isoband.gateway.config.ConfigLoader.load(config)).protocol())
                .isEqualTo(org.isoband.core.mqtt.MqttProtocol.V3_1_1);
    }

    @Test
    void withoutAConfigurationTheDatabaseIsBesideTheGatewaysFile() {
        var settings = new DashboardCommand().settings(org.isoband.gateway.config.ConfigLoader.defaults());
        assertThat(settings.database()).endsWith(Path.of(".local", "share", "isoband", "dashboard.db").toString());
        assertThat(settings.bind()).isEqualTo("127.0.0.1");
        assertThat(settings.brokerUrl()).isNull();
    }

    @Test
    void aBadBrokerUrlIsAUsageError() {
        CliRun run = CliRun.of("dashboard", "--broker", "localhost:1883", "--db", dir.resolve("x.db").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--broker: must start with tcp:// or ssl://, found 'localhost:1883'");
        CliRun space = CliRun.of("dashboard", "--broker", "tcp://exa mple:1883", "--db", dir.resolve("x.db").toString());
        assertThat(space.exitCode()).isEqualTo(2);
        assertThat(space.err().strip()).isEqualTo("dashboard: --broker: 'tcp://exa mple:1883' is not a broker address "
                + "(illegal character in authority): expected tcp://HOST:1883");
    }

    @Test
    void openToTheNetworkWithoutATokenItStartsButSaysSoWithTheLine() throws Exception {
        Path config = dir.resolve("open.yaml");
        Files.writeString(config, "dashboard:\n  bind: 0.0.0.0\n  port: 8080\n");

        CliRun run = CliRun.of("dashboard", "--config", config.toString(), "--port", "0", "--duration", "1s",
                "--db", dir.resolve("d.db").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(config + ":2: dashboard.bind: warning: 0.0.0.0 opens the dashboard to the network "
                + "without a token");
        assertThat(run.out()).contains("isoband dashboard: http://");
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsOneLine() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "not a folder");
        CliRun run = CliRun.of("dashboard", "--port", "0", "--db", file.resolve("dash.db").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("dashboard: database ").contains(file.toString()).doesNotContain("\tat ");
    }

    @Test
    void aBadConfigurationNamesItsProblems() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "dashboard:\n  port: 99999\n");
        CliRun run = CliRun.of("dashboard", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("port").contains("nothing was started");
    }
}
