package org.isoband.device.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.isoband.core.trace.TraceCsvWriter;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {

    private static final class Recorder implements SampleSink {
        final List<double[]> samples = new CopyOnWriteArrayList<>();
        final List<String> states = new CopyOnWriteArrayList<>();

        @Override
        public void sample(long tNanos, double newtons) {
            samples.add(new double[] {tNanos / 1e9, newtons});
        }

        @Override
        public void linkState(LinkState state, String detail) {
            states.add(state + (detail.isEmpty() ? "" : ": " + detail));
        }
    }

    @Test
    void playsBackWhatWasRecordedRelativeToItsFirstSample(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rec.csv");
        try (TraceCsvWriter w = new TraceCsvWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            w.comment("test recording");
            for (int i = 0; i < 50; i++) {
                w.sample(100 + i * 0.0125, 20 + i);
            }
        }
        Recorder recorder = new Recorder();
        ReplaySource source = new ReplaySource(csv, Double.POSITIVE_INFINITY, 80);

        source.start(recorder);
        source.awaitEnd();

        assertThat(recorder.samples).hasSize(50);
        assertThat(recorder.samples.get(0)[1]).isEqualTo(20);
        assertThat(recorder.samples.get(49)[1]).isEqualTo(69);
        assertThat(recorder.samples.get(49)[0] - recorder.samples.get(0)[0]).isBetween(0.6124, 0.6126);
        assertThat(recorder.states).containsExactly("STREAMING", "STOPPED");
    }

    @Test
    void aBrokenFileStopsWithTheReason(@TempDir Path dir) throws IOException, InterruptedException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "t_s,force_n\n0,1\nzero,2\n");
        Recorder recorder = new Recorder();
        ReplaySource source = new ReplaySource(csv, Double.POSITIVE_INFINITY, 80);

        source.start(recorder);
        source.awaitEnd();

        assertThat(recorder.samples).hasSize(1);
        assertThat(recorder.states).contains("STOPPED: " + csv + ", line 3, field t_s: not a number: 'zero'");
    }
}
