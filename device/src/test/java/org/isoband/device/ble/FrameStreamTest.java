package org.isoband.device.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.isoband.device.ble.fake.Frames;
import org.isoband.device.ble.fake.RecordingSink;
import org.isoband.device.ble.fake.RecordingSink.Sample;
import org.junit.jupiter.api.Test;

class FrameStreamTest {

    @Test
    void isobandFramesKeepTheSensorsSpacingAndCountGaps() {
        FrameStream stream = new FrameStream(DeviceKind.ISOBAND, "band");
        RecordingSink sink = new RecordingSink();
        long now = System.nanoTime();

        stream.accept(Frames.isoband80Hz(true, 0, 100_000, 1_000_000), now, sink);
        stream.accept(Frames.isoband80Hz(false, 1, 101_000, 1_050_000), now + 50_000_000, sink);
        stream.accept(Frames.isoband80Hz(false, 4, 102_000, 1_200_000), now + 200_000_000, sink);

        List<Sample> s = sink.samples();
        assertThat(s).hasSize(12);
        for (int i = 1; i < 8; i++) {
            assertThat((s.get(i).tNanos() - s.get(i - 1).tNanos()) / 1e6).as("spacing %d", i)
                    .isCloseTo(12.5, within(0.01));
        }
        assertThat((s.get(8).tNanos() - s.get(7).tNanos()) / 1e6).isCloseTo(112.5, within(0.01));
        assertThat(stream.lostFrames()).isEqualTo(2);
        assertThat(stream.malformed()).isZero();
    }

    @Test
    void aRestartedStreamIsNoGapAndARepeatedFrameIsDropped() {
        FrameStream stream = new FrameStream(DeviceKind.ISOBAND, "band");
        RecordingSink sink = new RecordingSink();
        long now = System.nanoTime();

        stream.accept(Frames.isoband80Hz(true, 0, 100_000, 1_000_000), now, sink);
        stream.accept(Frames.isoband80Hz(false, 0, 100_000, 1_000_000), now + 1_000_000, sink);
        stream.accept(Frames.isoband80Hz(true, 0, 90_000, 0), now + 900_000_000, sink);

        assertThat(sink.samples()).hasSize(8);
        assertThat(stream.lostFrames()).isZero();
        assertThat(stream.outOfOrder()).isEqualTo(1);
    }

    @Test
    void malformedAndImpossibleValuesAreCountedAndSkipped() {
        FrameStream progressor = new FrameStream(DeviceKind.PROGRESSOR, "p");
        RecordingSink sink = new RecordingSink();
        long now = System.nanoTime();

        progressor.accept(new byte[] {1, 8, 0}, now, sink);
        progressor.accept(Frames.progressor(new float[] {1e30f, 10f}, new long[] {0, 12_500}), now, sink);

        assertThat(progressor.malformed()).isEqualTo(1);
        assertThat(progressor.implausible()).isEqualTo(1);
        assertThat(sink.samples()).extracting(Sample::newtons).containsExactly(10 * 9.80665);
    }

    @Test
    void theCraneScaleIsStampedOnArrival() {
        FrameStream crane = new FrameStream(DeviceKind.CRANE_SCALE, "c");
        RecordingSink sink = new RecordingSink();

        crane.accept(Frames.craneScale(50), 123_456_789L, sink);

        assertThat(sink.samples()).containsExactly(new Sample(123_456_789L, 50 * 9.80665));
    }

    /**
     * What the source emits from random bytes, per kind: never an exception, never a non-finite or impossible
     * force (the decoders alone allow a Progressor float of 1e38 kg), and time only moving forward.
     */
    @Test
    void randomBytesNeverGiveAnImpossibleSample() {
        java.util.Random random = new java.util.Random(9);
        for (DeviceKind kind : DeviceKind.values()) {
            FrameStream stream = new FrameStream(kind, kind.cliName());
            RecordingSink sink = new RecordingSink();
            long arrival = 1_000_000_000L;
            for (int i = 0; i < 100_000; i++) {
                byte[] b = new byte[random.nextInt(40)];
                random.nextBytes(b);
                if (b.length > 0 && random.nextBoolean()) {
                    // Make the header plausible often enough to reach the readings.
                    b[0] = 1;
                    if (kind == DeviceKind.PROGRESSOR && b.length > 2) {
                        b = java.util.Arrays.copyOf(b, 2 + 8 * ((b.length - 2) / 8));
                        b[1] = (byte) (b.length - 2);
                    } else if (kind == DeviceKind.ISOBAND && b.length > 5) {
                        b = java.util.Arrays.copyOf(b, 5 + 8 * ((b.length - 5) / 8));
                        b[4] = (byte) ((b.length - 5) / 8);
                    } else if (kind == DeviceKind.FORCE_BOARD && b.length > 2) {
                        b[0] = 0;
                        b[1] = (byte) ((b.length - 2) / 3);
                    } else if (kind == DeviceKind.CTS500 && b.length >= 7) {
                        b = java.util.Arrays.copyOf(b, 7);
                        b[0] = 5;
                        b[6] = (byte) (5 + b[1] + b[2] + b[3] + b[4] + b[5]);
                    }
                }
                arrival += random.nextInt(50_000_000);
                stream.accept(b, arrival, sink);
            }
            List<Sample> samples = sink.samples();
            assertThat(samples).as(kind + " decoded something").isNotEmpty();
            assertThat(samples).allSatisfy(x -> {
                assertThat(Double.isFinite(x.newtons())).isTrue();
                assertThat(Math.abs(x.newtons())).isLessThanOrEqualTo(FrameStream.MAX_PLAUSIBLE_NEWTONS);
            });
            assertThat(samples).extracting(Sample::tNanos).isSorted();
        }
    }
}
