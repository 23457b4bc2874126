package org.isoband.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.CueKind;
import org.isoband.core.coach.Leg;
import org.isoband.core.coach.Maximum;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.coach.StrengthPlan;
import org.isoband.core.coach.StrengthSetup;
import org.isoband.core.coach.TrainingPlan;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.Verdict;
import org.isoband.core.unit.ForceUnit;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's simulated athlete (the strength scenario) with the real detector and the strength coach, 25 times
 * faster than life (at 100 the 20 ms ticks of the loop are 2 s of the athlete's time: too coarse for 4 s pulls):
 * a maximum test at each leg and angle, then holds in the zone.
 */
class StrengthSessionTest {
    /** The demo's plan (DemoCommand.PLAN), right leg only: the athlete's first two angles, 2 maxima and 10 reps. */
    private static final TrainingPlan PLAN = new TrainingPlan(List.of(Leg.RIGHT),
            List.of("closest to the torso", "high"), 5, 6.0, 10, 14, 20, 3, 12.0, 3);
    private static final StrengthPlan STRENGTH = new StrengthPlan(true, 2, 4.0, Scenario.PULL_REST_S, 4, 60, 80);

    static final class Maxima implements SessionObserver {
        final List<Maximum> maxima = new CopyOnWriteArrayList<>();

        @Override
        public void maximum(Maximum maximum, RepContext where) {
            maxima.add(maximum);
        }
    }

    @Test
    void theSimulatedAthleteTestsEachPositionsMaximumThenTrainsInItsZone(@TempDir Path dir) throws Exception {
        TrainingSessionTest.Recorder recorder = new TrainingSessionTest.Recorder();
        Maxima maxima = new Maxima();
        SimulatedSource source = new SimulatedSource(new SimulatedSession(Scenario.STRENGTH, 1, SensorModel.loadCell(80)), 25);
        try (SessionJournal journal = new SessionJournal(dir.resolve("gateway.db"), Clock.systemUTC())) {
            String id = journal.start(PlanPosition.START);
            StrengthSetup setup = new StrengthSetup(STRENGTH, List.of(), LocalDate.now(), false, ForceUnit.N);
            try (TrainingSession session = new TrainingSession(source, DetectorConfig.DEFAULTS,
                    new SessionStart(PLAN, PlanPosition.START, true, id).withStrength(setup), journal,
                    List.of(recorder, maxima), () -> "off")) {
                session.start();
                session.command(AthleteCommand.START_PAUSE);
                assertThat(session.awaitEnd(120, TimeUnit.SECONDS)).as("session ended").isTrue();
                assertThat(session.position().done()).as("the plan was done").isTrue();
            }

            assertThat(maxima.maxima).as("one maximum per leg and angle").hasSize(2);
            assertThat(journal.maxima()).hasSize(2);
            assertThat(maxima.maxima).allSatisfy(m -> assertThat(m.maxN()).isBetween(250.0, 450.0));
            assertThat(recorder.cues).extracting(c -> c.kind()).contains(CueKind.MAX_TEST, CueKind.MAX_RESULT, CueKind.HARDER);
            // the pulls are not reps of the plan: every rep published has its zone
            assertThat(recorder.where).allSatisfy(w -> assertThat(w.zone()).isNotNull());
            List<RepContext> held = java.util.stream.IntStream.range(0, recorder.reps.size())
                    .filter(i -> recorder.reps.get(i).verdict() == Verdict.HELD).mapToObj(recorder.where::get).toList();
            assertThat(held).hasSize(10);
            long inZone = held.stream().filter(w -> w.zone().meanPctOfMax() >= 60 && w.zone().meanPctOfMax() <= 80).count();
            assertThat(inZone).as("held reps whose mean was in the zone").isGreaterThanOrEqualTo(7);
            assertThat(held.stream().mapToDouble(w -> w.zone().timeInZoneS()).average().orElseThrow())
                    .as("mean seconds in the zone of a held rep").isGreaterThan(5);
        }
    }
}
