package org.isoband.device.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.isoband.device.ble.decode.Cts500FrameDecoder;
import org.isoband.device.ble.decode.ForceBoardFrameDecoder;
import org.isoband.device.ble.decode.SigForceDecoder;
import org.isoband.device.ble.fake.FakeBluez;
import org.isoband.device.ble.fake.FakeBluez.FakeDevice;
import org.isoband.device.ble.fake.FakeBluez.Kind;
import org.isoband.device.ble.fake.Frames;
import org.isoband.device.ble.fake.RecordingSink;
import org.isoband.device.ble.fake.RecordingSink.Sample;
import org.isoband.device.source.LinkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gauges beyond the band, through BleSource against python-dbusmock's BlueZ: each one recognised, connected,
 * started with its own command, streamed through its decoder, lost when it vanishes, streaming again when it is
 * back, and stopped with its own command; the Progressor-compatible firmwares' padded frames and extra codes; the
 * battery where the gauge offers it.
 */
@Timeout(180)
class GaugeLinksIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final BleTimings FAST = new BleTimings(Duration.ofSeconds(3), Duration.ofSeconds(1),
            Duration.ofSeconds(10), 2, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1),
            Duration.ofMillis(200), Duration.ofSeconds(1));
    private static final double NEWTONS_PER_POUND = 0.45359237 * 9.80665;

    private static BleSource source(FakeBluez bluez, String device, BleProfile profile) {
        return new BleSource(BleConfig.of(device, profile, FakeBluez.ADAPTER).withTimings(FAST), bluez.environment(),
                new Random(1));
    }

    private static List<byte[]> awaitWrites(FakeBluez bluez, FakeDevice d, int count) throws InterruptedException {
        FakeBluez.awaitCondition(count + " writes to " + d.name, WAIT, () -> bluez.writes(d).size() >= count);
        return bluez.writes(d);
    }

    private static byte[] forceBoard(int... pounds) {
        byte[] b = new byte[2 + 3 * pounds.length];
        b[1] = (byte) pounds.length;
        for (int i = 0; i < pounds.length; i++) {
            b[2 + 3 * i + 1] = (byte) (pounds[i] >> 8);
            b[2 + 3 * i + 2] = (byte) pounds[i];
        }
        return b;
    }

    private static byte[] cts500(int hundredthsOfKilogram) {
        byte[] b = {5, 0, 0, 0, (byte) (hundredthsOfKilogram >> 8), (byte) hundredthsOfKilogram, 0};
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += Byte.toUnsignedInt(b[i]);
        }
        b[6] = (byte) sum;
        return b;
    }

    private static byte[] sigForce(int millinewtons) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(millinewtons).array();
    }

    /**
     * Start, two notifications, vanish (LOST), back (a fresh start command, STREAMING), two more, stop; returns the
     * samples. {@code start} and {@code stop} are the expected commands, or null for a gauge without a control.
     */
    private static List<Sample> connectStreamLoseReconnectStop(FakeBluez bluez, FakeDevice gauge, BleSource source,
            RecordingSink sink, byte[] start, byte[] stop, byte[] first, byte[] second, int perNotification)
            throws Exception {
        return connectStreamLoseReconnectStop(bluez, gauge, source, sink, null, start, stop, first, second,
                perNotification);
    }

    /** As above, for a gauge asked {@code query} (its battery) before each start. */
    private static List<Sample> connectStreamLoseReconnectStop(FakeBluez bluez, FakeDevice gauge, BleSource source,
            RecordingSink sink, byte[] query, byte[] start, byte[] stop, byte[] first, byte[] second,
            int perNotification) throws Exception {
        int perLink = query == null ? 1 : 2;
        source.start(sink);
        if (start != null) {
            List<byte[]> writes = awaitWrites(bluez, gauge, perLink);
            if (query != null) {
                assertThat(writes.get(0)).as("the query first").isEqualTo(query);
            }
            assertThat(writes.get(perLink - 1)).isEqualTo(start);
        } else {
            FakeBluez.awaitCondition("notifications on", WAIT, () -> bluez.isNotifying(gauge));
        }
        bluez.notify(gauge, first);
        sink.awaitSamples(perNotification, WAIT);

        bluez.vanish(gauge);
        assertThat(sink.awaitState(LinkState.LOST, WAIT).detail()).contains(gauge.name, "disconnected");
        bluez.switchOn(gauge);
        if (start != null) {
            assertThat(awaitWrites(bluez, gauge, 2 * perLink).get(2 * perLink - 1)).isEqualTo(start);
        } else {
            FakeBluez.awaitCondition("connected again", WAIT, () -> bluez.isConnected(gauge));
            FakeBluez.awaitCondition("notifications on again", WAIT, () -> bluez.isNotifying(gauge));
        }
        bluez.notify(gauge, second);
        sink.awaitSamples(2 * perNotification, WAIT);
        source.stop();

        assertThat(sink.stateChanges()).containsExactly(LinkState.CONNECTING, LinkState.STREAMING, LinkState.LOST,
                LinkState.STREAMING, LinkState.STOPPED);
        assertThat(source.statistics().links()).isEqualTo(2);
        assertThat(source.statistics().malformed()).isZero();
        if (stop != null) {
            List<byte[]> writes = bluez.writes(gauge);
            assertThat(writes.get(writes.size() - 1)).isEqualTo(stop);
        }
        assertThat(bluez.isConnected(gauge)).as("freed for other centrals").isFalse();
        return sink.samples();
    }

    @Test
    void aForceBoardStreamsPoundsFromOneServiceStartedInAnotherAndReportsItsBattery(@TempDir Path dir)
            throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice board = bluez.addGattGauge(Kind.FORCE_BOARD, "AA:BB:CC:00:00:10", "Force Board",
                    ForceBoardFrameDecoder.SERVICE, ForceBoardFrameDecoder.FORCE_DATA,
                    ForceBoardFrameDecoder.WEIGHT_SERVICE, ForceBoardFrameDecoder.DEVICE_MODE, false, 87);
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, "", BleProfile.AUTO)) {
                List<Sample> samples = connectStreamLoseReconnectStop(bluez, board, source, sink, new byte[] {4},
                        new byte[] {7}, forceBoard(20, 21, 22), forceBoard(30, 31, 32), 3);
                assertThat(samples).extracting(Sample::newtons).containsExactly(20 * NEWTONS_PER_POUND,
                        21 * NEWTONS_PER_POUND, 22 * NEWTONS_PER_POUND, 30 * NEWTONS_PER_POUND,
                        31 * NEWTONS_PER_POUND, 32 * NEWTONS_PER_POUND);
                assertThat(sink.batteries()).first().satisfies(b -> {
                    assertThat(b.percent()).isEqualTo(87);
                    assertThat(b.estimated()).isFalse();
                });
            }
        }
    }

    @Test
    void aCts500IsAskedItsBatteryThenStartedWithItsChecksummedCommandAndItsEchoIsNoReading(@TempDir Path dir)
            throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice cts = bluez.addGattGauge(Kind.CTS500, "AA:BB:CC:00:00:11", "CTS500", Cts500FrameDecoder.SERVICE,
                    Cts500FrameDecoder.NOTIFY, Cts500FrameDecoder.SERVICE, Cts500FrameDecoder.WRITE, true, -1);
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, "", BleProfile.AUTO)) {
                List<Sample> samples = connectStreamLoseReconnectStop(bluez, cts, source, sink,
                        HexFormat.of().parseHex("05c4000000c9"), HexFormat.of().parseHex("05aa000000af"),
                        HexFormat.of().parseHex("05ab000000b0"), cts500(1234), cts500(2000), 1);
                assertThat(samples).extracting(Sample::newtons).containsExactly(12.34 * 9.80665, 20 * 9.80665);
                assertThat(source.statistics().malformed()).as("the answer is no malformed frame").isZero();
                assertThat(sink.batteries()).as("once per link").hasSize(2).allSatisfy(b -> {
                    assertThat(b.millivolts()).hasValue(FakeBluez.CTS500_CENTIVOLTS * 10);
                    assertThat(b.estimated()).as("a voltage: the percentage is estimated").isTrue();
                    assertThat(b.percent()).isEqualTo(28);
                });
            }
        }
    }

    @Test
    void aSigForceCharacteristicAnywhereOnANamedDeviceStreamsOnceSubscribed(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice gauge = bluez.addGattGauge(Kind.SIG_FORCE, "AA:BB:CC:00:00:12", "Gauge-42",
                    java.util.UUID.fromString("0000183e-0000-1000-8000-00805f9b34fb"), SigForceDecoder.FORCE, null,
                    null, false, 55);
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, "Gauge-42", BleProfile.SIG_FORCE)) {
                List<Sample> samples = connectStreamLoseReconnectStop(bluez, gauge, source, sink, null, null,
                        sigForce(150_250), sigForce(-1_500), 1);
                assertThat(samples).extracting(Sample::newtons).containsExactly(150.25, -1.5);
                assertThat(sink.batteries()).first().satisfies(b -> assertThat(b.percent()).isEqualTo(55));
            }
        }
    }

    @Test
    void aCompatibleFirmwaresPaddedFramesAndOwnCodesAreReadNotCountedMalformed(@TempDir Path dir)
            throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice progressor = bluez.addProgressor("AA:BB:CC:00:00:13", "Progressor_0C7E");
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, "", BleProfile.AUTO)) {
                source.start(sink);
                awaitWrites(bluez, progressor, 2);
                byte[] padded = java.util.Arrays.copyOf(Frames.progressor(new float[] {25f}, new long[] {40_000}), 14);
                bluez.notify(progressor, padded);
                bluez.notify(progressor, HexFormat.of().parseHex("0504cdcc4c3d"));
                bluez.notify(progressor, Frames.progressor(new float[] {25.5f}, new long[] {51_400}));
                sink.awaitSamples(2, WAIT);

                assertThat(sink.samples()).extracting(Sample::newtons).containsExactly(25 * 9.80665, 25.5 * 9.80665);
                assertThat(source.statistics().malformed()).isZero();
                assertThat(sink.awaitBattery(WAIT)).satisfies(b -> {
                    assertThat(b.estimated()).isTrue();
                    assertThat(b.percent()).isCloseTo(63, within(1));
                });
            }
        }
    }
}
