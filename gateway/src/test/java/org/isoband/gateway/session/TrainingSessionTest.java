package org.isoband.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.Cue;
import org.isoband.core.coach.CueKind;
import org.isoband.core.coach.Leg;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.coach.TrainingPlan;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.device.source.LinkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole session, simulated athlete to journal, on the real threads, 50 times faster than life. */
class TrainingSessionTest {
    private static final TrainingPlan ONE_SET = new TrainingPlan(List.of(Leg.RIGHT), List.of("high"), 3, 6, 5, 5, 5, 3, 12, 3);

    static final class Recorder implements SessionObserver {
        final List<RepEvent> reps = new CopyOnWriteArrayList<>();
        final List<RepContext> where = new CopyOnWriteArrayList<>();
        final List<Cue> cues = new CopyOnWriteArrayList<>();
        final List<LinkState> links = new CopyOnWriteArrayList<>();

        @Override
        public void rep(RepEvent rep, RepContext context) {
            reps.add(rep);
            where.add(context);
        }

        @Override
        public void cue(Cue cue) {
            cues.add(cue);
        }

        @Override
        public void link(LinkState state, String detail) {
            links.add(state);
        }
    }

    @Test
    void theCoachFollowsTheSimulatedAthleteAndTheJournalKeepsUp(@TempDir Path dir) throws Exception {
        Recorder recorder = new Recorder();
        SimulatedSource source = new SimulatedSource(new SimulatedSession(Scenario.SET, 7, SensorModel.loadCell(80)), 50);
        try (SessionJournal journal = new SessionJournal(dir.resolve("gateway.db"), Clock.systemUTC())) {
            String id = journal.start(PlanPosition.START);
            try (TrainingSession session = new TrainingSession(source, DetectorConfig.DEFAULTS,
                    new SessionStart(ONE_SET, PlanPosition.START, true, id), journal, List.of(recorder), () -> "off")) {
                session.start();
                session.command(AthleteCommand.START_PAUSE);   // the athlete has read the safety notice
                assertThat(session.awaitEnd(60, TimeUnit.SECONDS)).as("session ended").isTrue();
                assertThat(session.droppedSamples()).isZero();
                assertThat(session.screen()).isNotNull();
            }

            assertThat(recorder.reps).extracting(RepEvent::verdict).containsExactly(
                    Verdict.HELD, Verdict.SHORT, Verdict.HELD, Verdict.MOVED, Verdict.UNSTEADY, Verdict.HELD);
            assertThat(recorder.where).extracting(RepContext::rep).containsExactly(1, 2, 2, 3, 3, 3);
            assertThat(recorder.where).extracting(RepContext::attempt).containsExactly(1, 1, 2, 1, 2, 3);
            assertThat(recorder.cues).extracting(Cue::kind).startsWith(CueKind.SAFETY).contains(CueKind.SESSION_DONE);
            assertThat(journal.unfinished(Instant.EPOCH)).as("the session is saved as done").isEmpty();
            assertThat(journal.safetyNoticeRead()).isTrue();
        }
    }

    @Test
    void theSensorsBatteryReachesTheScreenAndNothingIsShownBeforeItReports() throws Exception {
        java.util.concurrent.atomic.AtomicReference<org.isoband.device.source.SampleSink> sink = new java.util.concurrent.atomic.AtomicReference<>();
        org.isoband.device.source.SampleSource gauge = new org.isoband.device.source.SampleSource() {
            @Override
            public org.isoband.device.source.SourceDescription description() {
                return new org.isoband.device.source.SourceDescription("gauge", "test", 80);
            }

            @Override
            public void start(org.isoband.device.source.SampleSink s) {
                sink.set(s);
                s.linkState(LinkState.STREAMING, "");
            }

            @Override
            public void stop() {
                sink.get().linkState(LinkState.STOPPED, "");
            }

            @Override
            public void close() {
            }
        };
        try (TrainingSession session = new TrainingSession(gauge, DetectorConfig.DEFAULTS,
                new SessionStart(ONE_SET, PlanPosition.START, true, "s1"), null, List.of(), () -> "off")) {
            session.start();
            assertThat(awaitScreen(session, m -> m != null)).as("a first screen").isNotNull();
            assertThat(session.screen().battery()).isEmpty();

            sink.get().battery(org.isoband.device.source.BatteryLevel.ofPercent(12));

            var shown = awaitScreen(session, m -> m.battery().isPresent());
            assertThat(shown).as("a screen with the battery").isNotNull();
            assertThat(shown.battery()).map(org.isoband.device.source.BatteryLevel::percent).contains(12);
            assertThat(shown.lowBatteryWarning()).contains("Sensor battery 12 %: charge it before a session");
            gauge.stop();
        }
    }

    /** The first screen that {@code test} accepts, polled (the loop ticks on its own thread); null after 10 s. */
    private static org.isoband.gateway.display.ScreenModel awaitScreen(TrainingSession session,
            java.util.function.Predicate<org.isoband.gateway.display.ScreenModel> test) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            org.isoband.gateway.display.ScreenModel m = session.screen();
            if (m != null && test.test(m)) {
                return m;
            }
            Thread.sleep(10);
        }
        return null;
    }
}
