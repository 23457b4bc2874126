package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.source.LinkState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BandSessionTest {
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final long BASE_NANOS = 1_000_000_000_000L;

    /** The sensor clock and the wall clock move together, as they do live. */
    private final AtomicLong nanos = new AtomicLong(BASE_NANOS);
    private final SampleClock clock = new SampleClock(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return T0.plusNanos(nanos.get() - BASE_NANOS);
        }
    }, nanos::get);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private BandSession session;

    @BeforeEach
    void start() {
        publisher.before = new RepCounts(4, 3);
        session = new BandSession("Garage Pi", "Red", DetectorConfig.DEFAULTS, publisher, clock, ZoneOffset.UTC);
    }

    private void play(Scenario scenario) {
        session.linkState(LinkState.STREAMING, "");
        new SimulatedSession(scenario, 7, SensorModel.loadCell(80)).forEach((t, f) -> {
            long at = BASE_NANOS + Math.round(t * 1e9);
            nanos.set(at);
            session.sample(at, f);
        });
    }

    @Test
    void publishesEveryRepWithWallClockTimesAndItsOwnId() {
        play(Scenario.SET);

        assertThat(publisher.reps).extracting(RepMessage::verdict).containsExactly(
                Verdict.HELD, Verdict.SHORT, Verdict.HELD, Verdict.MOVED, Verdict.UNSTEADY, Verdict.HELD);
        RepMessage first = publisher.reps.get(0);
        assertThat(first.gateway()).isEqualTo("garage_pi");
        assertThat(first.band()).isEqualTo("red");
        assertThat(first.session()).isEqualTo(session.sessionId());
        assertThat(first.rep()).isEqualTo(1);
        assertThat(first.targetS()).isEqualTo(6.0);
        assertThat(first.start()).isBetween(T0.plusSeconds(3), T0.plusSeconds(5));
        assertThat(first.end()).isAfter(first.start().plusSeconds(6));
        assertThat(publisher.reps).extracting(RepMessage::id).doesNotHaveDuplicates();
    }

    @Test
    void publishesTheStateOnEveryPhaseChangeWithTodaysCountsSeededFromBefore() {
        play(Scenario.SET);

        assertThat(publisher.askedSince).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(publisher.states).extracting(StateMessage::phase).contains(Phase.RAMP, Phase.HOLD, Phase.RELEASE, Phase.REST);
        StateMessage last = publisher.states.get(publisher.states.size() - 1);
        assertThat(last.rep()).isEqualTo(6);
        assertThat(last.repsToday()).isEqualTo(4 + 6);
        assertThat(last.heldToday()).isEqualTo(3 + 3);
        assertThat(last.link()).isEqualTo("STREAMING");
        assertThat(publisher.states).extracting(StateMessage::at).isSorted();
        assertThat(publisher.forceTimes).isNotEmpty().isSorted();
    }

    @Test
    void aLostLinkCutsTheRepInProgressAndIsInTheState() {
        session.linkState(LinkState.STREAMING, "");
        new SimulatedSession(Scenario.DROPOUT, 7, SensorModel.loadCell(80)).forEach((t, f) -> {
            long at = BASE_NANOS + Math.round(t * 1e9);
            if (t > 1 && nanos.get() < at - 1_000_000_000L) {
                nanos.set(at - 500_000_000L);
                session.linkState(LinkState.LOST, "silent");
                session.linkState(LinkState.STREAMING, "back");
            }
            nanos.set(at);
            session.sample(at, f);
        });

        assertThat(publisher.reps).extracting(RepMessage::verdict).containsExactly(Verdict.HELD, Verdict.INTERRUPTED, Verdict.HELD);
        assertThat(publisher.states).extracting(StateMessage::link).contains("LOST");
    }

    @Test
    void theEndOfTheSessionPublishesItsSummary() {
        play(Scenario.SET);

        SessionSummary summary = session.end();

        assertThat(publisher.summaries).containsExactly(summary);
        assertThat(summary.reps()).isEqualTo(6);
        assertThat(summary.held()).isEqualTo(3);
        assertThat(summary.verdicts()).containsEntry(Verdict.MOVED, 1).containsEntry(Verdict.UNSTEADY, 1);
        assertThat(summary.bestSteadyS()).isGreaterThan(6);
        assertThat(summary.start()).isBefore(summary.end());
        assertThat(session.end()).isNull();
    }

    @Test
    void theCoachSetsLegAndAngle() {
        session.setExercise("left", 3);
        play(Scenario.HELD);

        assertThat(publisher.reps).allSatisfy(r -> {
            assertThat(r.leg()).isEqualTo("left");
            assertThat(r.angle()).isEqualTo(3);
        });
    }
}
