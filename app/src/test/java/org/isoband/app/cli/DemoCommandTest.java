package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo, headless and without a terminal (as in CI): plain lines, a clean stop after --duration. */
class DemoCommandTest {

    @Test
    void aFastHeadlessDemoCoachesRepsAndStopsCleanly() {
        CliRun run = CliRun.of("demo", "--headless", "--speed", "40", "--duration", "4s", "--scenario", "set");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("isoband demo: Simulated athlete (set, seed 1) at 40x speed; screen: log lines")
                .contains("coach: Isometric holds raise blood pressure")
                .contains("coach: Hold: keep the band still")
                .contains("rep:   Right leg, closest to the torso, rep 1 try 1: HELD")
                .containsPattern("isoband demo: \\d+ reps \\(");
    }

    @Test
    void aBadSpeedIsAUsageError() {
        CliRun run = CliRun.of("demo", "--speed", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--speed must be between 0 and 1000, got 0.0");
    }

    @Test
    void aBadDurationIsNamed() {
        CliRun run = CliRun.of("demo", "--duration", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a duration: 'soon' (examples: 90s, 5m, 1h)");
    }

    @Test
    void aBrokerUrlNoBrokerHasIsAUsageErrorBeforeAnythingStarts() {
        CliRun run = CliRun.of("demo", "--headless", "--broker", "tcp://broker:99999");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("demo: --broker: the port of 'tcp://broker:99999' must be between 1 and "
                + "65535: expected tcp://HOST:1883");
    }

    @Test
    void theDefaultAthleteTestsItsMaximumAndTrainsInTheZoneAtTheSimulatorsRests() {
        var strength = DemoCommand.strength(org.isoband.device.sim.Scenario.STRENGTH);
        assertThat(strength.plan().maxTest()).isTrue();
        assertThat(strength.plan().restBetweenPullsS()).isEqualTo(org.isoband.device.sim.Scenario.PULL_REST_S);
        assertThat(strength.plan().zone(300).lowN()).isEqualTo(180);
        assertThat(strength.maxima()).as("a fresh athlete: every position is tested").isEmpty();
        assertThat(DemoCommand.strength(org.isoband.device.sim.Scenario.SET).plan().maxTest()).isFalse();
    }

    @Test
    void theDemoCoachesAMaximumTestFirst() {
        CliRun run = CliRun.of("demo", "--headless", "--speed", "20", "--duration", "3s", "--no-dashboard");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Maximum test, right leg, closest to the torso");
    }
}
