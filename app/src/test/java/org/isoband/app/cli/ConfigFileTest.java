package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --config, the user's own file is used when it exists: the one `isoband calibrate` writes to. */
class ConfigFileTest {
    @TempDir
    Path home;
    private String realHome;

    @BeforeEach
    void pretendHome() {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.setProperty("user.home", realHome);
    }

    @Test
    void theUsersOwnFileIsReadWhenNoneIsGiven() throws Exception {
        Path own = home.resolve(".config/isoband/isoband.yaml");
        Files.createDirectories(own.getParent());
        Files.writeString(own, "sensor: {kind: ble}\nmqtt:\n  url: tcp://nowhere.invalid:1883\n");

        CliRun run = CliRun.of("doctor");

        assertThat(run.err()).contains("doctor: configuration " + own);
        assertThat(run.out()).contains("cannot connect to nowhere.invalid:1883");
    }

    @Test
    void withoutItTheDefaultsApply() {
        CliRun run = CliRun.of("doctor");

        assertThat(run.err()).doesNotContain("configuration");
        assertThat(run.out()).contains("none configured");
    }
}
