package org.isoband.device.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.isoband.device.ble.fake.FakeBluez;
import org.isoband.device.ble.fake.FakeBluez.FakeDevice;
import org.isoband.device.ble.fake.Frames;
import org.isoband.device.ble.fake.RecordingSink;
import org.isoband.device.ble.fake.RecordingSink.Sample;
import org.isoband.device.source.LinkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * BleSource, the production code path, against python-dbusmock's BlueZ on a private bus: connecting, streaming
 * through the decoders, bad bytes, a band that vanishes mid-hold and comes back, the Progressor, the crane scale,
 * and BlueZ missing. Generous timeouts; nothing here asserts how fast anything is (see docs/performance.md).
 */
@Timeout(180)
class BleSourceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BAND = "AA:BB:CC:00:00:01";
    /** Short waits, so that losses and reconnections happen within a test. */
    private static final BleTimings FAST = new BleTimings(Duration.ofSeconds(3), Duration.ofSeconds(1),
            Duration.ofSeconds(10), 2, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1),
            Duration.ofMillis(200), Duration.ofSeconds(1));

    private static BleSource source(FakeBluez bluez, String device, BleProfile profile) {
        return new BleSource(BleConfig.of(device, profile, FakeBluez.ADAPTER).withTimings(FAST), bluez.environment(),
                new Random(1));
    }

    /** Waits until the gateway has written {@code count} commands to the device's control point. */
    private static List<byte[]> awaitWrites(FakeBluez bluez, FakeDevice d, int count) throws InterruptedException {
        FakeBluez.awaitCondition(count + " writes to " + d.name, WAIT, () -> bluez.writes(d).size() >= count);
        return bluez.writes(d);
    }

    @Test
    void subscribesBeforeStartingThenStreamsTheBandThroughItsDecoder(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice band = bluez.addBand(BAND, "isoband-1A2B");
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, BAND, BleProfile.AUTO)) {
                source.start(sink);

                List<byte[]> writes = awaitWrites(bluez, band, 1);
                assertThat(writes.get(0)).containsExactly(0x01, 0x01); // START, token 1
                assertThat(bluez.notifyingAtWrites(band)).containsExactly(true);
                assertThat(sink.stateChanges()).containsExactly(LinkState.CONNECTING);

                bluez.notify(band, Frames.isoband80Hz(true, 0, 100_000, 1_000_000));
                bluez.notify(band, Frames.isoband80Hz(false, 1, 101_000, 1_050_000));
                sink.awaitSamples(8, WAIT);

                List<Sample> samples = sink.samples();
                assertThat(samples).extracting(Sample::newtons).containsExactly(100.0, 100.0, 100.0, 100.0,
                        101.0, 101.0, 101.0, 101.0);
                for (int i = 1; i < 4; i++) {
                    // The sensor's 12.5 ms spacing within a notification, not the radio's bunching. (Between
                    // notifications the spacing depends on when the test sent them: see SensorClockTest.)
                    assertThat((samples.get(i).tNanos() - samples.get(i - 1).tNanos()) / 1e6)
                            .isCloseTo(12.5, within(0.01));
                }
                assertThat(samples).extracting(Sample::tNanos).isSorted();
                assertThat(sink.stateChanges()).containsExactly(LinkState.CONNECTING, LinkState.STREAMING);
                assertThat(sink.order().indexOf("STREAMING")).isLessThan(sink.order().indexOf("sample"));
                assertThat(bluez.isNotifying(band)).isTrue();
            }
            assertThat(sink.stateChanges()).endsWith(LinkState.STOPPED);
            assertThat(bluez.writes(band).get(1)).containsExactly(0x02, 0x02); // STOP, token 2
            assertThat(bluez.isConnected(band)).as("disconnected on stop, freeing the band").isFalse();
        }
    }

    @Test
    void aStopWhileTheLinkIsStillBeingSetUpFreesTheBandToo(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice band = bluez.addBand(BAND, "isoband-1A2B");
            bluez.slowStartNotify(band, Duration.ofSeconds(1));
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, BAND, BleProfile.AUTO)) {
                source.start(sink);
                FakeBluez.awaitCondition("connected", WAIT, () -> bluez.isConnected(band));
                source.stop(); // before the subscription is answered, let alone the stream started
            }
            assertThat(bluez.writes(band)).as("never started").isEmpty();
            assertThat(bluez.isConnected(band)).as("disconnected on stop, freeing the band").isFalse();
            assertThat(sink.stateChanges()).containsExactly(LinkState.CONNECTING, LinkState.STOPPED);
        }
    }

    @Test
    void aMalformedNotificationIsCountedSkippedAndLoggedOnceAndAGapStaysAGap(@TempDir Path dir) throws Exception {
        List<LogRecord> warnings = new ArrayList<>();
        Logger log = Logger.getLogger(FrameStream.class.getName());
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice band = bluez.addBand(BAND, "isoband-1A2B");
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, "isoband-1A2B", BleProfile.ISOBAND)) {
                source.start(sink);
                awaitWrites(bluez, band, 1);

                bluez.notify(band, Frames.isoband80Hz(true, 0, 50_000, 2_000_000));
                bluez.notify(band, new byte[] {1, 0, 1, 0, 2, 9, 9}); // 2 samples announced, 2 bytes present
                bluez.notify(band, new byte[] {7, 7, 7});              // protocol version 7
                // Frames 1 and 2 lost on the air: 62.5 ms more of sensor time, and no readings made up for it.
                bluez.notify(band, Frames.isoband80Hz(false, 3, 52_000, 2_150_000));
                sink.awaitSamples(8, WAIT);

                List<Sample> samples = sink.samples();
                assertThat(samples).hasSize(8);
                assertThat(samples).extracting(Sample::newtons).containsOnly(50.0, 52.0);
                BleSource.Statistics stats = source.statistics();
                assertThat(stats.malformed()).isEqualTo(2);
                assertThat(stats.lostFrames()).isEqualTo(2);
                assertThat(stats.samples()).isEqualTo(8);
            }
        } finally {
            log.removeHandler(capture);
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("isoband-1A2B", "malformed",
                "length mismatch at byte offset 4", "further ones are counted");
    }

    @Test
    void aBandThatVanishesMidHoldIsLostThenStreamsAgainWhenItComesBack(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice band = bluez.addBand(BAND, "isoband-1A2B");
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, BAND, BleProfile.AUTO)) {
                source.start(sink);
                awaitWrites(bluez, band, 1);
                bluez.notify(band, Frames.isoband80Hz(true, 0, 150_000, 10_000_000));
                sink.awaitSamples(4, WAIT);

                bluez.vanish(band);
                RecordingSink.State lost = sink.awaitState(LinkState.LOST, WAIT);
                assertThat(lost.detail()).contains("isoband-1A2B (" + BAND + ")", "link lost", "disconnected");
                Thread.sleep(1500); // a few reconnection attempts find nothing
                assertThat(bluez.writes(band)).hasSize(1);

                bluez.switchOn(band);
                awaitWrites(bluez, band, 2); // a fresh START after reconnecting
                // The band restarted its stream (and here its clock too).
                bluez.notify(band, Frames.isoband80Hz(true, 0, 160_000, 500_000));
                sink.awaitSamples(8, WAIT);

                assertThat(sink.stateChanges()).containsExactly(LinkState.CONNECTING, LinkState.STREAMING,
                        LinkState.LOST, LinkState.STREAMING);
                List<Sample> samples = sink.samples();
                assertThat(samples.subList(4, 8)).extracting(Sample::newtons).containsOnly(160.0);
                assertThat(samples.get(4).tNanos()).isGreaterThan(samples.get(3).tNanos());
                assertThat(source.statistics().links()).isEqualTo(2);
            }
        }
    }

    @Test
    void retriesAConnectThatTheControllerAborted(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice band = bluez.addBand(BAND, "isoband-1A2B");
            bluez.failConnects(band, 1, "org.bluez.Error.Failed", "le-connection-abort-by-local");
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, BAND, BleProfile.ISOBAND)) {
                source.start(sink);
                awaitWrites(bluez, band, 1);

                assertThat(bluez.calls(band.path, "Connect")).isEqualTo(2);
                assertThat(sink.stateChanges()).containsExactly(LinkState.CONNECTING);
            }
        }
    }

    @Test
    void saysSoWhenTheBandIsKnownButDoesNotAdvertiseAndNeverConnectsToAGhost(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice band = bluez.addCachedBand(BAND, "isoband-1A2B");
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, BAND, BleProfile.AUTO)) {
                source.start(sink);

                RecordingSink.State waiting = sink.awaitState(s -> s.detail().contains("did not advertise"),
                        "a word about the silent band", WAIT);
                assertThat(waiting.state()).isEqualTo(LinkState.CONNECTING);
                assertThat(waiting.detail()).contains("isoband-1A2B (" + BAND + ") is known to BlueZ but",
                        "connected to another app", "one central at a time");
                assertThat(bluez.calls(band.path, "Connect")).isZero();

                // The phone lets go: the band advertises again, and the gateway takes it.
                bluez.switchOn(band);
                awaitWrites(bluez, band, 1);
            }
        }
    }

    @Test
    void streamsAProgressorFoundByNameAndRemembersIt(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice progressor = bluez.addProgressor("AA:BB:CC:00:00:02", "Progressor_7125");
            bluez.addOther("AA:BB:CC:00:00:04", "Headphones");
            Path memory = dir.resolve("state").resolve("last-ble-device");
            RecordingSink sink = new RecordingSink();
            BleConfig config = BleConfig.of("", BleProfile.AUTO, FakeBluez.ADAPTER).withTimings(FAST)
                    .withMemory(memory);
            try (BleSource source = new BleSource(config, bluez.environment(), new Random(1))) {
                source.start(sink);
                // The battery is asked for before START, so that its answer cannot be taken for anything else.
                List<byte[]> writes = awaitWrites(bluez, progressor, 2);
                assertThat(writes.get(0)).containsExactly(0x6F);
                assertThat(writes.get(1)).containsExactly(0x65);
                assertThat(sink.awaitBattery(WAIT).millivolts()).hasValue(FakeBluez.PROGRESSOR_MILLIVOLTS);

                bluez.notify(progressor, Frames.progressor(new float[] {12.5f, 12.75f, 13f},
                        new long[] {1000, 13_500, 26_000}));
                sink.awaitSamples(3, WAIT);

                assertThat(sink.samples()).extracting(Sample::newtons).containsExactly(
                        12.5 * 9.80665, 12.75 * 9.80665, 13 * 9.80665);
                assertThat(Files.readString(memory).trim()).isEqualTo("AA:BB:CC:00:00:02");
            }
            assertThat(bluez.writes(progressor).get(2)).containsExactly(0x66);
        }
    }

    @Test
    void readsTheCraneScaleFromAdvertisementsAndLosesItWhenTheyStop(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice scale = bluez.addCraneScale("AA:BB:CC:00:00:03", Frames.craneScale(12.34));
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bluez, "", BleProfile.CRANE_SCALE)) {
                source.start(sink);
                sink.awaitSamples(3, WAIT);
                assertThat(sink.samples()).extracting(Sample::newtons).allSatisfy(n ->
                        assertThat(n).isCloseTo(12.34 * 9.80665, within(1e-9)));
                assertThat(bluez.calls(scale.path, "Connect")).isZero();

                bluez.vanish(scale);
                RecordingSink.State lost = sink.awaitState(LinkState.LOST, WAIT);
                assertThat(lost.detail()).contains("no advertisement for 1 s");

                bluez.setManufacturerData(scale, Frames.craneScale(20));
                int before = sink.samples().size();
                bluez.switchOn(scale);
                sink.awaitSamples(before + 1, WAIT);
                assertThat(sink.stateChanges()).containsExactly(LinkState.CONNECTING, LinkState.STREAMING,
                        LinkState.LOST, LinkState.STREAMING);
                assertThat(sink.samples().get(sink.samples().size() - 1).newtons())
                        .isCloseTo(20 * 9.80665, within(1e-9));
            }
        }
    }

    @Test
    void withoutBluezItSaysSoAndKeepsTryingUntilStopped(@TempDir Path dir) throws Exception {
        try (FakeBluez bus = FakeBluez.busOnly(dir)) {
            RecordingSink sink = new RecordingSink();
            try (BleSource source = source(bus, BAND, BleProfile.AUTO)) {
                source.start(sink);
                RecordingSink.State state = sink.awaitState(s -> s.detail().startsWith("BlueZ is not running"),
                        "the BlueZ message", WAIT);
                assertThat(state.state()).isEqualTo(LinkState.CONNECTING);
                assertThat(state.detail()).startsWith("BlueZ is not running: no org.bluez on the system bus ("
                        + bus.address() + ")");
            }
            assertThat(sink.stateChanges()).containsExactly(LinkState.CONNECTING, LinkState.STOPPED);
        }
    }
}
