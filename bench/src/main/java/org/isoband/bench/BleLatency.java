package org.isoband.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.isoband.device.ble.BleConfig;
import org.isoband.device.ble.BleProfile;
import org.isoband.device.ble.BleSource;
import org.isoband.device.ble.BleTimings;
import org.isoband.device.ble.fake.FakeBluez;
import org.isoband.device.ble.fake.FakeBluez.FakeDevice;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;

/**
 * Notification-to-sample latency and the highest sustained notification rate of the BLE source, through D-Bus
 * on this machine: python-dbusmock (standing in for bluetoothd) emits PropertiesChanged on the band's Force
 * Stream Value, and the time is taken again when the sample reaches the sink.
 *
 * <p>Each notification carries one sample whose force field holds the moment of emission (CLOCK_MONOTONIC in
 * microseconds, modulo 10 s, as millinewtons), taken in the mock right before it hands the signal to the bus;
 * the sink compares it with {@link System#nanoTime}, the same clock on Linux. So the latency covers dbus-daemon,
 * dbus-java's reading and unmarshalling, our decoding and clock mapping, and the sink call; not the radio, not
 * bluetoothd's own work (the mock's Python is outside the measured span).
 *
 * <p>Run: {@code bench/ble-latency.sh}. Plain main, not JMH: the quantity is a distribution over a live system.
 */
public final class BleLatency {
    private static final String BAND = "AA:BB:CC:00:00:01";
    private static final long MOD_US = 10_000_000;

    /** The burst method added to the fake band's Force Stream characteristic. */
    @DBusInterfaceName("org.isoband.Test")
    public interface Burst extends DBusInterface {
        /** Emits {@code count} notifications {@code intervalMicros} apart (0: as fast as it can); returns us taken. */
        long Burst(int count, int intervalMicros, int firstSequence);
    }

    private static final String BURST = String.join("\n",
            "import struct",
            "count, interval, seq0 = args[0], args[1], args[2]",
            "start = time.monotonic_ns() // 1000",
            "for i in range(count):",
            "    if interval > 0:",
            "        due = start + i * interval",
            "        while time.monotonic_ns() // 1000 < due:",
            "            pass",
            "    us = time.monotonic_ns() // 1000",
            "    seq = (seq0 + i) & 0xffff",
            "    frame = struct.pack('<BBHBiI', 1, 1 if seq0 + i == 0 else 0, seq, 1, us % 10000000, us & 0xffffffff)",
            "    self.EmitSignal('org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as', [",
            "        'org.bluez.GattCharacteristic1',",
            "        {'Value': dbus.Array([dbus.Byte(b) for b in frame], signature='y', variant_level=1)}, []])",
            "ret = dbus.Int64(time.monotonic_ns() // 1000 - start)");

    /** Collects when each sample arrived and the emission time it carries. */
    private static final class Sink implements SampleSink {
        final long[] latencyUs = new long[1_000_000];
        final AtomicInteger count = new AtomicInteger();
        volatile long firstNanos;
        volatile long lastNanos;

        @Override
        public void sample(long tNanos, double newtons) {
            long now = System.nanoTime();
            long emitted = Math.round(newtons * 1000);
            long latency = Math.floorMod(now / 1000 - emitted, MOD_US);
            int i = count.getAndIncrement();
            if (i == 0) {
                firstNanos = now;
            }
            lastNanos = now;
            if (i < latencyUs.length) {
                latencyUs[i] = latency;
            }
        }

        @Override
        public void linkState(LinkState state, String detail) {
            System.err.println("link " + state + (detail.isEmpty() ? "" : ": " + detail));
        }

        void reset() {
            count.set(0);
        }
    }

    public static void main(String[] args) throws Exception {
        int latencyCount = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        Path dir = Files.createTempDirectory("ble-latency");
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice band = bluez.addBand(BAND, "isoband-BENCH");
            bluez.addTestMethod(band.data, "Burst", "iii", "x", BURST);
            Burst burst = bluez.object(band.data, Burst.class);
            Sink sink = new Sink();
            BleTimings timings = new BleTimings(Duration.ofSeconds(10), Duration.ofSeconds(1),
                    Duration.ofSeconds(10), 2, Duration.ofSeconds(10), Duration.ofSeconds(60),
                    Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(1));
            try (BleSource source = new BleSource(BleConfig.of(BAND, BleProfile.ISOBAND, FakeBluez.ADAPTER)
                    .withTimings(timings), bluez.environment(), new Random(1))) {
                source.start(sink);
                FakeBluez.awaitCondition("START", Duration.ofSeconds(60), () -> !bluez.writes(band).isEmpty());
                // The mock is busy while it bursts; nothing else should talk to it meanwhile.
                bluez.stopAdvertising(band);
                org.freedesktop.dbus.messages.MethodCall.setDefaultTimeout(120_000);
                int seq = 0;

                // Warm-up: JIT, dbus-java's reflection caches.
                burst.Burst(3000, 2000, seq);
                seq += 3000;
                await(sink, 3000);

                System.out.println("# notification-to-sample latency, 1 sample per notification");
                for (int rate : new int[] {20, 80, 200}) {
                    int n = Math.min(latencyCount, rate * 15);
                    sink.reset();
                    burst.Burst(n, 1_000_000 / rate, seq);
                    seq += n;
                    await(sink, n);
                    long[] l = Arrays.copyOf(sink.latencyUs, n);
                    Arrays.sort(l);
                    System.out.printf(Locale.ROOT, "rate %4d/s  n %5d  p50 %6.3f ms  p90 %6.3f ms  p99 %6.3f ms"
                            + "  max %6.3f ms%n", rate, n, q(l, 0.50), q(l, 0.90), q(l, 0.99), l[n - 1] / 1000.0);
                }

                System.out.println("# sustained rate: notifications emitted at a fixed rate for 5 s (the last "
                        + "unpaced: as fast as the mock emits)");
                for (int rate : new int[] {1000, 2000, 4000, 8000, 0}) {
                    int n = rate == 0 ? 40_000 : rate * 5;
                    sink.reset();
                    long emitUs = burst.Burst(n, rate == 0 ? 0 : 1_000_000 / rate, seq);
                    seq += n;
                    boolean all = await(sink, n);
                    int got = sink.count.get();
                    long[] l = Arrays.copyOf(sink.latencyUs, Math.min(got, sink.latencyUs.length));
                    Arrays.sort(l);
                    double receiveS = (sink.lastNanos - sink.firstNanos) / 1e9;
                    System.out.printf(Locale.ROOT, "asked %5s/s  emitted %7.0f/s  received %6d of %6d (%s) at "
                            + "%7.0f/s  p50 %7.3f ms  p99 %8.3f ms%n", rate == 0 ? "max" : String.valueOf(rate),
                            n / (emitUs / 1e6), got, n, all ? "all" : "LOST " + (n - got), got / receiveS,
                            q(l, 0.5), q(l, 0.99));
                }
                BleSource.Statistics stats = source.statistics();
                System.out.printf(Locale.ROOT, "# source: %d frames, %d samples, %d malformed, %d lost%n",
                        stats.frames(), stats.samples(), stats.malformed(), stats.lostFrames());
            }
        }
    }

    private static double q(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1000.0;
    }

    /** Waits until {@code n} samples arrived or nothing arrived for 5 s; true if all did. */
    private static boolean await(Sink sink, int n) throws InterruptedException {
        int last = -1;
        long quietSince = System.nanoTime();
        while (sink.count.get() < n) {
            int now = sink.count.get();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 5_000_000_000L) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
