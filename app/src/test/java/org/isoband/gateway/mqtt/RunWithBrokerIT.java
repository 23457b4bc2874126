package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.isoband.core.message.RepMessage;
import org.isoband.app.cli.IsobandCommand;
import org.isoband.gateway.session.SessionJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `isoband run` with a broker in its configuration: its reps reach a subscriber, with the plan's leg and angle. */
class RunWithBrokerIT {

    @TempDir
    Path dir;

    @Test
    void theConfiguredBrokerGetsEveryRep() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(); TestSubscriber sub = new TestSubscriber(broker.url(), "isoband/#")) {
            Path config = dir.resolve("isoband.yaml");
            Files.writeString(config, """
                    gateway: Garage Pi
                    band: Red Band
                    sensor: {kind: sim, sim: {scenario: set, seed: 2, speed: 40}}
                    display: {output: none}
                    storage: {file: gateway.db}
                    plan: {legs: [left], angles: [high, low], reps_per_angle: 3}
                    mqtt: {url: %s, publish_simulated: true}
                    """.formatted(broker.url()));
            try (SessionJournal journal = new SessionJournal(dir.resolve("gateway.db"), Clock.systemUTC())) {
                journal.markSafetyNoticeRead();
            }
            StringWriter err = new StringWriter();

            int code = IsobandCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "run",
                    "--config", config.toString());

            assertThat(code).as(err.toString()).isZero();
            assertThat(sub.await(Duration.ofSeconds(30), () -> sub.payloadsEndingWith("/rep").size() >= 6)).isTrue();
            List<RepMessage> reps = sub.payloadsEndingWith("/rep").stream().map(RepMessage::fromJson).toList();
            assertThat(reps).hasSize(6).extracting(RepMessage::gateway).containsOnly("garage_pi");
            assertThat(reps).extracting(RepMessage::band).containsOnly("red_band");
            assertThat(reps).extracting(RepMessage::leg).containsOnly("left");
            assertThat(reps.get(0).angle()).isZero();
            assertThat(sub.payloadsEndingWith("/session")).hasSize(1);
        }
    }
}
