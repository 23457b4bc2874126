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
