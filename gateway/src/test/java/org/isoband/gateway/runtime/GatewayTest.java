package org.isoband.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.isoband.core.detect.RepEvent;
import org.isoband.gateway.config.ConfigLoader;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.session.RepContext;
import org.isoband.gateway.session.SessionObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller with the simulated athlete: parts around the session, in order, and one way to end. */
class GatewayTest {
    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private GatewayConfig config() throws Exception {
        Path file = dir.resolve("isoband.yaml");
        Files.writeString(file, """
                sensor: {kind: sim, sim: {scenario: held, seed: 1, speed: 50}}
                display: {output: none}
                storage: {file: gateway.db}
                """);
        return ConfigLoader.load(file);
    }

    private Part recording(String name) {
        return new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start(PartContext context) {
                log.add("start " + name);
                context.acknowledgeSafetyNotice();
                context.listen(new SessionObserver() {
                    @Override
                    public void rep(RepEvent rep, RepContext where) {
                        log.add(name + " heard a rep");
                    }
                });
            }

            @Override
            public void stop() {
                log.add("stop " + name);
            }
        };
    }

    @Test
    void thePartsHearTheSessionAndStopInReverseWhenTheLimitPasses() throws Exception {
        try (Shutdown shutdown = Shutdown.unhooked();
             Gateway gateway = Gateway.open(config(), Gateway.StartingPoint.FRESH, shutdown)) {
            gateway.run(List.of(recording("first"), recording("second")), Optional.of(Duration.ofSeconds(3)));
        }

        assertThat(log).startsWith("start first", "start second").endsWith("stop second", "stop first");
        assertThat(log).contains("first heard a rep", "second heard a rep");
        assertThat(log.indexOf("first heard a rep")).isLessThan(log.indexOf("second heard a rep"));
    }

    @Test
    void aRequestedStopEndsTheRun() throws Exception {
        Part quitter = new Part() {
            @Override
            public String name() {
                return "quitter";
            }

            @Override
            public void start(PartContext context) {
                context.quit();
            }

            @Override
            public void stop() {
                log.add("stop quitter");
            }
        };
        long t0 = System.nanoTime();
        try (Shutdown shutdown = Shutdown.unhooked();
             Gateway gateway = Gateway.open(config(), Gateway.StartingPoint.FRESH, shutdown)) {
            gateway.run(List.of(quitter), Optional.empty());
        }

        assertThat(log).containsExactly("stop quitter");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aRequiredPartThatFailsIsTheRunsErrorAndNothingIsLeftRunning() throws Exception {
        IllegalStateException refused = new IllegalStateException("broker refused");
        Part failing = new Part() {
            @Override
            public String name() {
                return "mqtt";
            }

            @Override
            public void start(PartContext context) {
                throw refused;
            }

            @Override
            public void stop() {
                log.add("stop mqtt");
            }
        };
        try (Shutdown shutdown = Shutdown.unhooked();
             Gateway gateway = Gateway.open(config(), Gateway.StartingPoint.FRESH, shutdown)) {
            assertThatThrownBy(() -> gateway.run(List.of(recording("log"), failing), Optional.empty())).isSameAs(refused);
        }

        assertThat(log).containsExactly("start log", "stop log");
    }
}
