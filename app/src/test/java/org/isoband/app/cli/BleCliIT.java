package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.isoband.device.ble.decode.Cts500FrameDecoder;
import org.isoband.device.ble.decode.ForceBoardFrameDecoder;
import org.isoband.device.ble.decode.SigForceDecoder;
import org.isoband.device.ble.fake.FakeBluez;
import org.isoband.device.ble.fake.FakeBluez.FakeDevice;
import org.isoband.device.ble.fake.FakeBluez.Kind;
import org.isoband.device.ble.fake.Frames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `isoband scan` and `isoband record --source ble` as users run them: the packaged jar in its own process, its
 * environment's DBUS_SYSTEM_BUS_ADDRESS naming a private bus where python-dbusmock plays BlueZ.
 */
@Timeout(180)
class BleCliIT {
    private static final Path JAR = Path.of("target", "isoband.jar");

    private record Result(int code, String out, String err) {
    }

    private static Process launch(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static Result finish(Path dir, Process p) throws IOException, InterruptedException {
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void scanListsTheSensorsNearby(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            bluez.addBand("AA:BB:CC:00:00:01", "isoband-1A2B");
            bluez.addProgressor("AA:BB:CC:00:00:02", "Progressor_7125");
            bluez.addOther("AA:BB:CC:00:00:04", "Headphones");

            Result r = finish(dir, launch(dir, bluez.environment(), "scan", "--seconds", "5"));
            if (r.out().isEmpty()) {
                // Seen twice in full CI runs on a loaded 2-core machine, never alone: the scan heard nothing.
                // Listen once more, and keep what the first attempt said.
                System.out.println("BleCliIT: the first scan found nothing; its stderr: " + r.err());
                r = finish(dir, launch(dir, bluez.environment(), "scan", "--seconds", "5"));
            }

            assertThat(r.code()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines).as("stderr: " + r.err()).hasSize(3);
            assertThat(lines.get(0)).startsWith("NAME").contains("ADDRESS", "RSSI", "KIND");
            assertThat(r.out()).containsPattern("isoband-1A2B +AA:BB:CC:00:00:01 +-\\d+ dBm +isoband")
                    .containsPattern("Progressor_7125 +AA:BB:CC:00:00:02 +-\\d+ dBm +progressor")
                    .doesNotContain("Headphones");
        }
    }

    @Test
    void scanWithoutBluezSaysSoInOneLine(@TempDir Path dir) throws Exception {
        try (FakeBluez bus = FakeBluez.busOnly(dir)) {
            Result r = finish(dir, launch(dir, bus.environment(), "scan", "--seconds", "1"));

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines().toList()).containsExactly("scan: listening on hci0 for 1 s...",
                    "scan: BlueZ is not running: no org.bluez on the system bus (" + bus.address()
                            + "); on a Pi: sudo systemctl enable --now bluetooth");
        }
    }

    @Test
    void recordsTheBandStreamingThroughBlueZ(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice band = bluez.addBand("AA:BB:CC:00:00:01", "isoband-1A2B");
            Path csv = dir.resolve("hold.csv");

            Process p = launch(dir, bluez.environment(), "record", "--source", "ble:isoband-1A2B", "--seconds", "6",
                    "--out", csv.toString());
            FakeBluez.awaitCondition("the START command", Duration.ofSeconds(60), () -> !bluez.writes(band).isEmpty());
            for (int seq = 0; seq < 10; seq++) {
                bluez.notify(band, Frames.isoband80Hz(seq == 0, seq, 120_000 + seq * 100, 1_000_000 + seq * 50_000L));
                Thread.sleep(50);
            }
            Result r = finish(dir, p);

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("link STREAMING: isoband-1A2B (AA:BB:CC:00:00:01)",
                    "record: 40 samples");
            List<String> rows = Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).toList();
            assertThat(rows.get(0)).isEqualTo("t_s,force_n");
            assertThat(rows).hasSize(41);
            assertThat(rows.get(1)).endsWith(",120.00");
            assertThat(rows.get(40)).endsWith(",120.90");
        }
    }

    @Test
    void recordWithoutBluezSaysWhyGivesUpAndLeavesNoFile(@TempDir Path dir) throws Exception {
        try (FakeBluez bus = FakeBluez.busOnly(dir)) {
            Path csv = dir.resolve("none.csv");
            Result r = finish(dir, launch(dir, bus.environment(), "record", "--source", "ble:AA:BB:CC:00:00:01",
                    "--seconds", "3", "--out", csv.toString()));

            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("record: link CONNECTING: ", "record: nothing recorded (link CONNECTING: ");
            assertThat(r.err().strip()).endsWith("; no file written");
            assertThat(csv).doesNotExist();

            // Without --seconds it would wait for ever: it gives up, having said why (BlueZ is tried a while first).
            Result gaveUp = finish(dir, launch(dir, bus.environment(), "record", "--source", "ble:AA:BB:CC:00:00:01",
                    "--give-up", "8", "--out", csv.toString()));

            assertThat(gaveUp.code()).as(gaveUp.err()).isEqualTo(1);
            assertThat(gaveUp.err()).contains("record: link CONNECTING: BlueZ is not running: no org.bluez on the system bus",
                    "gave up after 8 s without a sample; no file written");
            assertThat(csv).doesNotExist();
        }
    }

    /** One gauge of each other kind, recorded by name with the auto profile, then read back by analyze. */
    @Test
    void recordsEveryOtherGaugeIntoATraceThatAnalyzeReads(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            FakeDevice board = bluez.addGattGauge(Kind.FORCE_BOARD, "AA:BB:CC:00:00:10", "Force Board",
                    ForceBoardFrameDecoder.SERVICE, ForceBoardFrameDecoder.FORCE_DATA,
                    ForceBoardFrameDecoder.WEIGHT_SERVICE, ForceBoardFrameDecoder.DEVICE_MODE, false, 70);
            FakeDevice cts = bluez.addGattGauge(Kind.CTS500, "AA:BB:CC:00:00:11", "CTS500", Cts500FrameDecoder.SERVICE,
                    Cts500FrameDecoder.NOTIFY, Cts500FrameDecoder.SERVICE, Cts500FrameDecoder.WRITE, true, -1);
            FakeDevice sig = bluez.addGattGauge(Kind.SIG_FORCE, "AA:BB:CC:00:00:12", "Gauge-42",
                    java.util.UUID.fromString("0000183e-0000-1000-8000-00805f9b34fb"), SigForceDecoder.FORCE, null,
                    null, false, -1);
            bluez.advertiseUuids(sig, SigForceDecoder.FORCE.toString());
            FakeDevice progressor = bluez.addProgressor("AA:BB:CC:00:00:13", "Progressor_0C7E");
            record(dir, bluez, "Force Board", board, i -> new byte[] {0, 1, 0, 0, 30}, 30 * 4.4482216152605);
            record(dir, bluez, "CTS500", cts, i -> new byte[] {5, 0, 0, 0, 0x0b, (byte) 0xb8, (byte) 0xc8},
                    30 * 9.80665);
            record(dir, bluez, "Gauge-42", sig, i -> new byte[] {(byte) 0x30, (byte) 0x75, 0, 0}, 30.0);
            // A compatible firmware's padded frames: the whole 14-byte struct, length byte 8.
            record(dir, bluez, "Progressor_0C7E", progressor, i -> java.util.Arrays.copyOf(Frames.progressor(
                    new float[] {3f}, new long[] {1_000_000L + 12_195L * i}), 14), 3 * 9.80665);
        }
    }

    private void record(Path root, FakeBluez bluez, String name, FakeDevice gauge,
            java.util.function.IntFunction<byte[]> notification, double newtons) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name.replace(' ', '-')));
        Path csv = dir.resolve("trace.csv");
        Process p = launch(dir, bluez.environment(), "record", "--source", "ble:" + name, "--seconds", "6", "--out",
                csv.toString());
        try {
            FakeBluez.awaitCondition(name + " streaming", Duration.ofSeconds(60),
                    () -> bluez.isConnected(gauge) && bluez.isNotifying(gauge));
        } catch (AssertionError e) {
            p.destroy();
            throw new AssertionError(e.getMessage() + "; record said: "
                    + Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8), e);
        }
        Thread.sleep(300);
        for (int i = 0; i < 20; i++) {
            bluez.notify(gauge, notification.apply(i));
            Thread.sleep(40);
        }
        Result r = finish(dir, p);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("link STREAMING: " + name);
        List<String> rows = Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(rows).as(name).hasSizeGreaterThanOrEqualTo(21);
        assertThat(rows.get(1)).as(name).endsWith(String.format(java.util.Locale.ROOT, ",%.2f", newtons));

        Result analyzed = finish(dir, launch(dir, Map.of(), "analyze", "--summary", csv.toString()));
        assertThat(analyzed.code()).as(analyzed.err()).isZero();
        assertThat(analyzed.out()).as(name).contains((rows.size() - 1) + " samples");
    }
}
