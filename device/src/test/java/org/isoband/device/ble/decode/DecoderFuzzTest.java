package org.isoband.device.ble.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every decoder fed many random byte arrays: plain noise, and noise with a valid-looking header so that the
 * deeper checks are reached too. Nothing but {@link MalformedFrameException} may escape, and whatever decodes
 * must be possible: finite forces within the format's range, uint32 times, the sample counts the format
 * allows.
 */
class DecoderFuzzTest {
    private static final int CASES = 200_000;

    /** The format's own limits, not a band's: see FrameStream for the plausibility check on top. */
    private static void assertPossible(DecodedFrame frame, double maxAbsNewtons, int maxReadings) {
        assertThat(frame.readings().size()).isLessThanOrEqualTo(maxReadings);
        for (ForceReading r : frame.readings()) {
            assertThat(Double.isFinite(r.newtons())).isTrue();
            assertThat(Math.abs(r.newtons())).isLessThanOrEqualTo(maxAbsNewtons);
            r.sensorMicros().ifPresent(us -> assertThat(us).isBetween(0L, 0xFFFF_FFFFL));
        }
    }

    private static void fuzz(ForceFrameDecoder decoder, Supplier<byte[]> inputs, double maxAbsNewtons,
            int maxReadings) {
        int decoded = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] bytes = inputs.get();
            byte[] copy = bytes.clone();
            try {
                assertPossible(decoder.decode(bytes), maxAbsNewtons, maxReadings);
                decoded++;
            } catch (MalformedFrameException e) {
                assertThat(e.offset()).isBetween(0, bytes.length);
                assertThat(e.getMessage()).startsWith(e.format() + ": ");
            }
            // A battery answer is looked for in the same notifications: never an exception, never an impossible value.
            decoder.batteryMillivolts(bytes).ifPresent(mv -> assertThat(mv).isBetween(0, 655_350));
            assertThat(bytes).as("input left unchanged").isEqualTo(copy);
        }
        assertThat(decoded).as("some inputs decode, so the checks past the header were reached").isPositive();
    }

    private static byte[] noise(Random random, int maxLength) {
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(b);
        return b;
    }

    @Test
    void isobandStream() {
        Random random = new Random(1);
        fuzz(new IsobandFrameDecoder(), () -> {
            if (random.nextBoolean()) {
                return noise(random, 140);
            }
            // Version 1, a count of 0-17 and a length that usually matches it.
            int count = random.nextInt(18);
            byte[] b = new byte[5 + 8 * count + (random.nextInt(8) == 0 ? random.nextInt(5) - 2 : 0)];
            random.nextBytes(b);
            if (b.length > 0) {
                b[0] = 1;
            }
            if (b.length > 4) {
                b[4] = (byte) count;
            }
            return b;
        }, 2_147_483.648, IsobandFrameDecoder.MAX_SAMPLES);
    }

    @Test
    void progressorDataPoint() {
        Random random = new Random(2);
        fuzz(new ProgressorFrameDecoder(), () -> {
            if (random.nextBoolean()) {
                return noise(random, 130);
            }
            int samples = random.nextInt(16);
            ByteBuffer b = ByteBuffer.allocate(2 + 8 * samples).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) random.nextInt(6)).put((byte) (8 * samples));
            for (int i = 0; i < samples; i++) {
                // Raw float bits: NaNs, infinities, subnormals and huge values all appear.
                b.putInt(random.nextInt()).putInt(random.nextInt());
            }
            return b.array();
        }, Float.MAX_VALUE * ForceReading.STANDARD_GRAVITY, 31);
    }

    @Test
    void craneScaleAdvertisement() {
        Random random = new Random(3);
        fuzz(new CraneScaleAdvertisementDecoder(), () -> noise(random, 31),
                65_535 / 100.0 * ForceReading.STANDARD_GRAVITY, 1);
    }

    @Test
    void forceBoardForceData() {
        Random random = new Random(6);
        fuzz(new ForceBoardFrameDecoder(), () -> {
            byte[] b = noise(random, 62);
            if (b.length >= 2 && random.nextBoolean()) {
                // A count that usually matches the samples present.
                b[0] = 0;
                b[1] = (byte) ((b.length - 2) / 3 + (random.nextInt(4) == 0 ? 1 : 0));
            }
            return b;
        }, (255 * 32768.0 + 255 * 256 + 255) * ForceBoardFrameDecoder.NEWTONS_PER_POUND, 20);
    }

    @Test
    void cts500Frames() {
        Random random = new Random(7);
        fuzz(new Cts500FrameDecoder(), () -> {
            if (random.nextBoolean()) {
                return noise(random, 30);
            }
            // Weight frames with a right checksum most of the time, so the weight is reached.
            int frames = 1 + random.nextInt(3);
            byte[] b = new byte[7 * frames];
            random.nextBytes(b);
            for (int f = 0; f < frames; f++) {
                int at = 7 * f;
                b[at] = 0x05;
                int sum = 0;
                for (int i = at; i < at + 6; i++) {
                    sum += Byte.toUnsignedInt(b[i]);
                }
                b[at + 6] = (byte) (random.nextInt(8) == 0 ? sum + 1 : sum);
            }
            return b;
        }, 4_294_967_295L / 100.0 * ForceReading.STANDARD_GRAVITY, 5);
    }

    @Test
    void sigForce() {
        Random random = new Random(4);
        fuzz(new SigForceDecoder(), () -> noise(random, random.nextInt(4) == 0 ? 8 : 4), 2_147_483.648, 1);
    }

    @Test
    void isobandControlPointResponses() {
        Random random = new Random(5);
        int decoded = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] b = noise(random, 9);
            if (b.length > 0 && random.nextBoolean()) {
                b[0] = (byte) (0x81 + random.nextInt(6));
            }
            if (b.length > 2 && random.nextBoolean()) {
                b[2] = 0;
            }
            try {
                IsobandResponse r = IsobandControlPoint.decodeResponse(b);
                assertThat(r.token()).isBetween(0, 255);
                r.appliedRateHz().ifPresent(hz -> assertThat(hz).isBetween(0, 0xFFFF));
                decoded++;
            } catch (MalformedFrameException e) {
                assertThat(e.offset()).isBetween(0, b.length);
            }
        }
        assertThat(decoded).isPositive();
    }
}
