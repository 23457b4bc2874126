package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.isoband.core.coach.PlanPosition;
import org.isoband.gateway.session.SessionJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    private Path config(String extra) throws IOException {
        Path file = dir.resolve("isoband.yaml");
        Files.writeString(file, """
                sensor:
                  kind: sim
                  sim: {scenario: set, seed: 3, speed: 40}
                display:
                  output: none
                storage:
                  file: gateway.db
                plan:
                  legs: [right]
                  angles: [high, low]
                  reps_per_angle: 3
                  autostart_after_s: 2
                """ + extra);
        return file;
    }

    private void safetyNoticeAlreadyRead() throws Exception {
        try (SessionJournal j = new SessionJournal(dir.resolve("gateway.db"), Clock.systemUTC())) {
            j.markSafetyNoticeRead();
        }
    }

    @Test
    void runsTheConfiguredSensorThroughTheCoach() throws Exception {
        safetyNoticeAlreadyRead();

        CliRun run = CliRun.of("run", "--config", config("").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // No screen, no keyboard, no button: the plan starts by itself once the Begin screen was up 2 s.
        assertThat(run.out()).contains("coach: Starting by itself (plan.autostart)",
                        "coach: Right leg, high: rep 1 of 3. Push when ready", "rep:   Right leg, high, rep 1 try 1: HELD")
                .contains("isoband run: 3 of 6 held reps of the plan done");
    }

    @Test
    void aSessionThatWasCutOffIsResumedWhereItWas() throws Exception {
        safetyNoticeAlreadyRead();
        try (SessionJournal j = new SessionJournal(dir.resolve("gateway.db"), Clock.systemUTC())) {
            String id = j.start(PlanPosition.START);
            j.save(id, new PlanPosition(0, 1, 2, 1, 4, false));
        }

        CliRun run = CliRun.of("run", "--config", config("").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("isoband run: resuming the session that was cut off: leg 1, angle 2, rep 2 (4 reps held)")
                .contains("coach: Right leg, low: rep 2 of 3. Push when ready");
    }

    @Test
    void aBadConfigurationIsRefusedWithEveryProblemAndExitCode2() throws IOException {
        Path bad = config("mqtt:\n  urll: x\ngpio:\n  buzzer: 99\n");

        CliRun run = CliRun.of("run", "--config", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":14: mqtt.urll: unknown key (did you mean 'url'?)")
                .contains(bad + ":16: gpio.buzzer: must be between -1 and 27, found 99")
                .contains("nothing was started");
    }

    @Test
    void withoutAnyConfigurationItSaysHowToMakeOneAndStartsNothing() {
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        CliRun run;
        try {
            run = CliRun.of("run");
        } finally {
            System.setProperty("user.home", realHome);
        }

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("run: no configuration (no --config FILE, and no "
                + dir.resolve(".config/isoband/isoband.yaml") + "): make one with 'mkdir -p " + dir.resolve(".config/isoband")
                + " && isoband config example > " + dir.resolve(".config/isoband/isoband.yaml")
                + "', edit its sensor: section, or try 'isoband demo'");
    }

    @Test
    void anEmptyConfigurationIsRefusedInsteadOfRunningTheSimulatedAthlete() throws IOException {
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");

        CliRun run = CliRun.of("run", "--config", empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(empty + ": the file is empty", "nothing was started");
    }
}
