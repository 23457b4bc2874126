package org.isoband.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.isoband.device.ble.BleConfig;
import org.isoband.device.ble.BleProfile;
import org.isoband.device.ble.BleSource;
import org.isoband.device.ble.BleTimings;
import org.isoband.device.ble.DeviceKind;
import org.isoband.device.ble.decode.Cts500FrameDecoder;
import org.isoband.device.ble.decode.ForceBoardFrameDecoder;
import org.isoband.device.ble.decode.SigForceDecoder;
import org.isoband.device.ble.fake.FakeBluez;
import org.isoband.device.ble.fake.FakeBluez.FakeDevice;
import org.isoband.device.ble.fake.FakeBluez.Kind;
import org.isoband.device.ble.fake.Frames;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;

/**
 * Notification-to-sample latency per device kind, through D-Bus on this machine, against the fake BlueZ: for each
 * kind the mock emits that kind's own bytes (one reading each) at about the kind's rate, noting CLOCK_MONOTONIC
 * right before each emission, and the sink notes {@link System#nanoTime} (the same clock on Linux) as each sample
 * arrives; one reading per notification, so the i-th sample belongs to the i-th emission. The span covers
 * dbus-daemon, dbus-java, the kind's decoder, the clock mapping and the sink; not the radio nor bluetoothd.
 *
 * <p>Run: {@code bench/ble-latency.sh kinds} (alone) or {@code bench/ble-latency.sh} (after the band's rates).
 */
public final class BleKindLatency {
    private static final double SECONDS = 5;

    /** The burst method added to a fake's data characteristic (or, for the crane scale, its device). */
    @DBusInterfaceName("org.isoband.Test")
    public interface Burst extends DBusInterface {
        /** Emits the values {@code intervalMicros} apart; returns each one's emission time in us (monotonic). */
        long[] Burst(List<byte[]> values, int intervalMicros);
    }

    private static final String PACE = String.join("\n",
            "import time",
            "values, interval = args[0], args[1]",
            "arrays = [dbus.Array([dbus.Byte(b) for b in v], signature='y', variant_level=1) for v in values]",
            "start = time.monotonic_ns() // 1000",
            "out = []",
            "for i, value in enumerate(arrays):",
            "    due = start + i * interval",
            "    while time.monotonic_ns() // 1000 < due:",
            "        pass",
            "    out.append(dbus.Int64(time.monotonic_ns() // 1000))");
    private static final String GATT_BURST = PACE + "\n" + String.join("\n",
            "    self.EmitSignal('org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as', [",
            "        'org.bluez.GattCharacteristic1', {'Value': value}, []])",
            "ret = dbus.Array(out, signature='x')");
    private static final String ADVERT_BURST = PACE + "\n" + String.join("\n",
            "    data = dbus.Dictionary({dbus.UInt16(0x0100): value}, signature='qv', variant_level=1)",
            "    self.EmitSignal('org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as', [",
            "        'org.bluez.Device1', {'ManufacturerData': data}, []])",
            "ret = dbus.Array(out, signature='x')");

    /** Arrival times of samples, in order. */
    private static final class Sink implements SampleSink {
        final long[] arrivalUs = new long[100_000];
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void sample(long tNanos, double newtons) {
            int i = count.getAndIncrement();
            if (i < arrivalUs.length) {
                arrivalUs[i] = System.nanoTime() / 1000;
            }
        }

        @Override
        public void linkState(LinkState state, String detail) {
            System.err.println("link " + state + (detail.isEmpty() ? "" : ": " + detail));
        }
    }

    private record Case(DeviceKind kind, int rate, FakeDevice device, String burstPath, List<byte[]> values) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("ble-kind-latency");
        org.freedesktop.dbus.messages.MethodCall.setDefaultTimeout(120_000);
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            List<Case> cases = cases(bluez);
            BleTimings timings = new BleTimings(Duration.ofSeconds(10), Duration.ofSeconds(1),
                    Duration.ofSeconds(10), 2, Duration.ofSeconds(10), Duration.ofSeconds(60),
                    Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(10));
            System.out.println("# notification-to-sample latency per kind, one reading per notification, "
                    + (int) SECONDS + " s at about the kind's rate");
            for (Case c : cases) {
                bluez.addTestMethod(c.burstPath(), "Burst", "aayi", "ax",
                        c.kind() == DeviceKind.CRANE_SCALE ? ADVERT_BURST : GATT_BURST);
                Burst burst = bluez.object(c.burstPath(), Burst.class);
                Sink sink = new Sink();
                BleConfig config = BleConfig.of(c.device().address, BleProfile.fromCliName(c.kind().cliName()),
                        FakeBluez.ADAPTER).withTimings(timings);
                try (BleSource source = new BleSource(config, bluez.environment(), new Random(1))) {
                    source.start(sink);
                    FakeBluez.awaitCondition(c.kind().cliName() + " link", Duration.ofSeconds(60), () ->
                            c.kind() == DeviceKind.CRANE_SCALE ? sink.count.get() > 0
                                    : bluez.isConnected(c.device()) && bluez.isNotifying(c.device()));
                    // Only the burst talks now: the radio thread's advertisements would add readings.
                    bluez.stopAdvertising(c.device());
                    Thread.sleep(500);
                    burst.Burst(c.values().subList(0, Math.min(20, c.values().size())), 1000);
                    Thread.sleep(500);
                    sink.count.set(0);
                    long[] emittedUs = burst.Burst(c.values(), 1_000_000 / c.rate());
                    FakeBluez.awaitCondition("samples", Duration.ofSeconds(30),
                            () -> sink.count.get() >= emittedUs.length);
                    Thread.sleep(200);
                    report(c, emittedUs, sink);
                }
            }
        }
    }

    private static void report(Case c, long[] emittedUs, Sink sink) {
        int n = emittedUs.length;
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = sink.arrivalUs[i] - emittedUs[i];
        }
        Arrays.sort(l);
        System.out.printf(Locale.ROOT, "%-12s %4d/s  n %4d  received %4d  p50 %6.3f ms  p90 %6.3f ms  p99 %6.3f ms"
                        + "  max %6.3f ms%n", c.kind().cliName(), c.rate(), n, sink.count.get(), q(l, 0.5),
                q(l, 0.9), q(l, 0.99), l[n - 1] / 1000.0);
    }

    private static List<Case> cases(FakeBluez bluez) {
        List<Case> cases = new ArrayList<>();
        FakeDevice band = bluez.addBand("AA:BB:CC:00:01:01", "isoband-BNCH");
        cases.add(new Case(DeviceKind.ISOBAND, 80, band, band.data, values(400, i ->
                Frames.isoband(i == 0, i, new int[] {100_000 + i}, new long[] {1_000_000L + 12_500L * i}))));
        FakeDevice progressor = bluez.addProgressor("AA:BB:CC:00:01:02", "Progressor_BNCH");
        cases.add(new Case(DeviceKind.PROGRESSOR, 82, progressor, progressor.data, values(410, i ->
                Frames.progressor(new float[] {10f + i / 100f}, new long[] {1_000_000L + 12_195L * i}))));
        FakeDevice board = bluez.addGattGauge(Kind.FORCE_BOARD, "AA:BB:CC:00:01:03", "Force Board",
                ForceBoardFrameDecoder.SERVICE, ForceBoardFrameDecoder.FORCE_DATA, ForceBoardFrameDecoder.WEIGHT_SERVICE,
                ForceBoardFrameDecoder.DEVICE_MODE, false, -1);
        cases.add(new Case(DeviceKind.FORCE_BOARD, 80, board, board.data, values(400, i ->
                new byte[] {0, 1, 0, 0, (byte) (20 + i % 50)})));
        FakeDevice cts = bluez.addGattGauge(Kind.CTS500, "AA:BB:CC:00:01:04", "CTS500", Cts500FrameDecoder.SERVICE,
                Cts500FrameDecoder.NOTIFY, Cts500FrameDecoder.SERVICE, Cts500FrameDecoder.WRITE, false, -1);
        cases.add(new Case(DeviceKind.CTS500, 40, cts, cts.data, values(200, i -> {
            byte[] b = {5, 0, 0, 0, 0x04, (byte) (i % 200), 0};
            b[6] = (byte) (5 + 4 + (i % 200));
            return b;
        })));
        FakeDevice sig = bluez.addGattGauge(Kind.SIG_FORCE, "AA:BB:CC:00:01:05", "Gauge-BNCH",
                UUID.fromString("0000183e-0000-1000-8000-00805f9b34fb"), SigForceDecoder.FORCE, null, null, false, -1);
        cases.add(new Case(DeviceKind.SIG_FORCE, 40, sig, sig.data, values(200, i ->
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(150_000 + i).array())));
        byte[] weight = new byte[12];
        weight[11] = 100;
        FakeDevice crane = bluez.addCraneScale("AA:BB:CC:00:01:06", weight);
        cases.add(new Case(DeviceKind.CRANE_SCALE, 8, crane, crane.path, values(40, i -> {
            byte[] b = new byte[12];
            b[11] = (byte) (100 + i);
            return b;
        })));
        return cases;
    }

    private static List<byte[]> values(int n, java.util.function.IntFunction<byte[]> value) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(value.apply(i));
        }
        return out;
    }

    private static double q(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1000.0;
    }
}
