package org.isoband.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.junit.jupiter.api.Test;

class SimulatedSourceTest {

    /** Records what a source delivers, from the source's thread. */
    static final class Recorder implements SampleSink {
        final List<long[]> samples = new CopyOnWriteArrayList<>();
        final List<LinkState> states = new CopyOnWriteArrayList<>();

        @Override
        public void sample(long tNanos, double newtons) {
            samples.add(new long[] {tNanos, Math.round(newtons * 100)});
        }

        @Override
        public void linkState(LinkState state, String detail) {
            states.add(state);
        }
    }

    @Test
    void aDropoutIsReportedAsALostLinkAndItsEndAsStreaming() throws InterruptedException {
        SimulatedSession session = new SimulatedSession(Scenario.DROPOUT, 1, SensorModel.loadCell(20));
        Recorder recorder = new Recorder();
        SimulatedSource source = new SimulatedSource(session, Double.POSITIVE_INFINITY);

        source.start(recorder);
        source.awaitEnd();

        assertThat(recorder.states).containsExactly(LinkState.STREAMING, LinkState.LOST, LinkState.STREAMING, LinkState.STOPPED);
        int[] count = {0};
        session.forEach((t, f) -> count[0]++);
        assertThat(recorder.samples).hasSize(count[0]);
    }

    @Test
    void aPausedAthleteRelaxesAndAfterResumingLeavesOutTheRepItWasIn() throws InterruptedException {
        SimulatedSession session = new SimulatedSession(Scenario.SET, 7, SensorModel.loadCell(80));
        RepPlan first = session.reps().get(0);
        double midHold = first.startS() + first.rampS() + first.holdS() / 2;
        double restN = first.restN();
        SimulatedSource source = new SimulatedSource(session, Double.POSITIVE_INFINITY);
        List<double[]> seen = new CopyOnWriteArrayList<>();
        int[] pausedSamples = {0};
        source.start(new SampleSink() {
            @Override
            public void sample(long tNanos, double newtons) {
                double t = seen.isEmpty() ? 0 : (tNanos - (long) seen.get(0)[2]) / 1e9 + seen.get(0)[0];
                seen.add(new double[] {t, newtons, tNanos});
                if (t >= midHold && pausedSamples[0] == 0) {
                    source.pause(true);
                    pausedSamples[0] = 1;
                } else if (pausedSamples[0] > 0 && pausedSamples[0]++ == 400) {
                    source.pause(false);     // 5 s of pause at 80 Hz
                }
            }

            @Override
            public void linkState(LinkState state, String detail) {
            }
        });
        source.awaitEnd();

        int at = 0;
        while (seen.get(at)[0] < midHold) {
            at++;
        }
        // The pause: relaxed at the rest tension (within the sensor's noise).
        for (int i = at + 2; i < at + 390; i++) {
            assertThat(seen.get(i)[1]).as("sample %d in the pause", i).isCloseTo(restN, org.assertj.core.data.Offset.offset(5.0));
        }
        // After it: the rest of the first rep is left out, so the next pull is the second rep's ramp.
        double resumedAt = seen.get(at + 402)[0];
        RepPlan second = session.reps().get(1);
        double shift = resumedAt - first.endS();
        for (double[] s : seen.subList(at + 402, seen.size())) {
            if (s[0] < second.startS() + shift - 0.05) {
                assertThat(s[1]).as("at %.2f s, before the next rep", s[0]).isLessThan(restN + 10);
            }
        }
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)[0] - seen.get(i - 1)[0]).as("no gap that would read as a lost link").isLessThan(0.5);
        }
    }

    @Test
    void playsInRealTimeAndStopsPromptly() throws InterruptedException {
        SimulatedSession session = new SimulatedSession(Scenario.HELD, 1, SensorModel.loadCell(80));
        Recorder recorder = new Recorder();
        SimulatedSource source = new SimulatedSource(session, 1.0);

        long started = System.nanoTime();
        source.start(recorder);
        Thread.sleep(500);
        source.stop();
        long stoppedAfter = System.nanoTime() - started;

        // Half a second at 80 Hz is about 40 samples: paced, not dumped all at once.
        assertThat(recorder.samples.size()).isBetween(20, 60);
        assertThat(recorder.states).last().isEqualTo(LinkState.STOPPED);
        assertThat(TimeUnit.NANOSECONDS.toMillis(stoppedAfter)).isLessThan(3000);
    }
}
