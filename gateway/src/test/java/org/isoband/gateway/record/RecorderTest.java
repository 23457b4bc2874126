package org.isoband.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SampleSource;
import org.isoband.device.source.SourceDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording of sensors that stream, fall silent, or never come (no Bluetooth at all). */
class RecorderTest {
    @TempDir
    Path dir;

    /** Delivers {@code count} samples at 80 Hz stamps, then says {@code after} and goes silent until stopped. */
    private static final class BriefSensor implements SampleSource {
        private final int count;
        private final LinkState after;
        private final String why;
        private final CountDownLatch delivered = new CountDownLatch(1);
        private volatile SampleSink sink;

        BriefSensor(int count, LinkState after, String why) {
            this.count = count;
            this.after = after;
            this.why = why;
        }

        @Override
        public SourceDescription description() {
            return new SourceDescription("brief sensor", "test", 80);
        }

        @Override
        public void start(SampleSink s) {
            sink = s;
            Thread t = new Thread(() -> {
                s.linkState(LinkState.CONNECTING, count == 0 ? why : "");
                if (count > 0) {
                    s.linkState(LinkState.STREAMING, "");
                }
                for (int i = 0; i < count; i++) {
                    s.sample(5_000_000_000L + i * 12_500_000L, 10 + i);
                }
                if (count > 0) {
                    s.linkState(after, why);
                }
                delivered.countDown();
            }, "brief-sensor");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void stop() {
            if (sink != null) {
                sink.linkState(LinkState.STOPPED, "");
            }
        }

        @Override
        public void close() {
            stop();
        }
    }

    @Test
    void aSensorThatNeverComesIsGivenUpOnSayingWhyAndLeavesNoFile() throws Exception {
        Path out = dir.resolve("none.csv");
        StringWriter progress = new StringWriter();

        Recorder.Outcome o = new Recorder(out, "test").record(
                new BriefSensor(0, LinkState.CONNECTING, "no Bluetooth adapter (hci0)"), null, Duration.ofSeconds(2),
                new PrintWriter(progress, true));

        assertThat(o.end()).isEqualTo(Recorder.End.GAVE_UP);
        assertThat(o.samples()).isZero();
        assertThat(o.detail()).isEqualTo("no Bluetooth adapter (hci0)");
        assertThat(progress.toString()).contains("record: link CONNECTING: no Bluetooth adapter (hci0)",
                "record: 0 samples, 0.0 s, link CONNECTING");
        assertThat(out).doesNotExist();
    }

    @Test
    void whatCameBeforeTheSensorFellSilentIsKept() throws Exception {
        Path out = dir.resolve("brief.csv");

        Recorder.Outcome o = new Recorder(out, "test").record(new BriefSensor(40, LinkState.LOST, "band out of range"),
                null, Duration.ofSeconds(2), new PrintWriter(new StringWriter(), true));

        assertThat(o.end()).isEqualTo(Recorder.End.GAVE_UP);
        assertThat(o.samples()).isEqualTo(40);
        assertThat(o.state()).isEqualTo(LinkState.LOST);
        var lines = Files.readAllLines(out);
        assertThat(lines).hasSize(42).startsWith("# test", "t_s,force_n");
        assertThat(lines.get(41)).isEqualTo("0.487500,49.00");
    }

    @Test
    void stoppedFromAnotherThreadLikeCtrlCTheFileIsClosedWithEverySample() throws Exception {
        Path out = dir.resolve("stopped.csv");
        Recorder recorder = new Recorder(out, "test");
        BriefSensor sensor = new BriefSensor(25, LinkState.STREAMING, "");
        Thread stopper = new Thread(() -> {
            try {
                assertThat(sensor.delivered.await(10, TimeUnit.SECONDS)).isTrue();
                recorder.stop(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();

        Recorder.Outcome o = recorder.record(sensor, null, Duration.ofMinutes(1), new PrintWriter(new StringWriter(), true));
        stopper.join(10_000);

        assertThat(o.end()).isEqualTo(Recorder.End.STOPPED);
        assertThat(Files.readAllLines(out)).hasSize(27);
    }

    @Test
    void aTimeLimitWithNothingRecordedLeavesNoFile() throws Exception {
        Path out = dir.resolve("limit.csv");

        Recorder.Outcome o = new Recorder(out, "test").record(new BriefSensor(0, LinkState.CONNECTING, "scanning"),
                Duration.ofSeconds(1), Duration.ofSeconds(30), new PrintWriter(new StringWriter(), true));

        assertThat(o.end()).isEqualTo(Recorder.End.TIME_LIMIT);
        assertThat(o.samples()).isZero();
        assertThat(out).doesNotExist();
    }
}
