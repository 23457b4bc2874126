package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Rectangle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * (In the app module: it runs the packaged jar the app builds.) The packaged {@code isoband run} in a real window on a real X server (Xvfb), with no GPIO button and no
 * keyboard (standard input closed), driven only by real pointer events from xdotool, which is how the
 * official touchscreen arrives under X11: a tap anywhere acknowledges the notice, Begin begins, Pause pauses
 * and Resume resumes, Skip asks and then skips a rep, a tap skips the rest, End asks and then ends, and a tap
 * closes the summary. Where each button is comes from the screen's own layout.
 */
class TouchWindowIT {
    private static final Path JAR = Path.of("target", "isoband.jar");

    @TempDir
    Path dir;
    private Process xvfb;
    private Process run;
    private String display;
    private final List<String> out = new CopyOnWriteArrayList<>();

    static boolean installed(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    @BeforeEach
    void startX() throws Exception {
        if (!installed("Xvfb") || !installed("xdotool")) {
            String message = "Xvfb and xdotool are not installed: apt-get install xvfb xdotool";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " -- required when CI=true");
            }
            Assumptions.abort(message);
        }
        xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1024x600x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
        display = ":" + r.readLine().trim();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (run != null && run.isAlive()) {
            run.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A band at rest for two minutes: nothing but the taps moves the coach. */
    private Path restingBand() throws IOException {
        StringBuilder csv = new StringBuilder("t_s,force_n\n");
        java.util.Random noise = new java.util.Random(3);
        for (int i = 0; i < 80 * 120; i++) {
            csv.append(String.format(Locale.ROOT, "%.4f,%.2f%n", i / 80.0, 30 + noise.nextGaussian() * 0.4));
        }
        Path file = dir.resolve("rest.csv");
        Files.writeString(file, csv);
        return file;
    }

    private void startRun() throws IOException {
        startRun(null, List.of());
    }

    /** @param snapshot where the PNG snapshot of the screen goes, or null for none */
    private void startRun(Path snapshot, List<String> moreConfig) throws IOException {
        Path config = dir.resolve("isoband.yaml");
        List<String> lines = new ArrayList<>(List.of(
                "sensor:", "  kind: replay", "  replay: {file: " + restingBand() + "}",
                "display:", "  output: window", "  width: 800", "  height: 480",
                snapshot == null ? "" : "  snapshot: " + snapshot,
                "storage:", "  file: " + dir.resolve("gateway.db"),
                "audio: off",
                "plan:", "  legs: [right]", "  angles: [high, low]", "  reps_per_angle: 2"));
        lines.addAll(moreConfig);
        lines.add("");
        Files.writeString(config, String.join("\n", lines));
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "run", "--config", config.toString(), "--new"))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("DISPLAY", display);
        run = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    private void awaitLine(String part) throws InterruptedException {
        if (!sawLineWithin(part, TimeUnit.SECONDS.toNanos(20))) {
            fail("no line with '" + part + "' in the output:\n" + String.join("\n", out));
        }
    }

    private boolean sawLineWithin(String part, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (System.nanoTime() < deadline) {
            if (out.stream().anyMatch(l -> l.contains(part))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /**
     * Taps until {@code part} is printed: the window is mapped before its first frame is painted, and a tap on an
     * unpainted window is rightly ignored. Only for a spot where a repeated tap is harmless on the next screen.
     */
    private void tapUntil(String window, int x, int y, String part) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            tap(window, x, y);
            if (sawLineWithin(part, TimeUnit.SECONDS.toNanos(4))) {
                return;
            }
        }
        awaitLine(part);
    }

    private String window() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Process p = xdotool("search", "--onlyvisible", "--name", "^isoband$");
            String id = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            if (!id.isEmpty()) {
                return id.lines().findFirst().orElseThrow();
            }
            Thread.sleep(200);
        }
        fail("the window never appeared:\n" + String.join("\n", out));
        return null;
    }

    private Process xdotool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("xdotool"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DISPLAY", display);
        return pb.start();
    }

    /** A real button press and release at (x, y) in the window (after the screen has settled). */
    private void tap(String window, int x, int y) throws Exception {
        Thread.sleep(ScreenTaps.SETTLE_NANOS / 1_000_000 + 600);
        Process p = xdotool("mousemove", "--window", window, String.valueOf(x), String.valueOf(y), "click", "1");
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private void tap(String window, Rectangle r) throws Exception {
        tap(window, r.x + r.width / 2, r.y + r.height / 2);
    }

    /** Where the training screen's buttons are: Pause/Resume, Skip, End, from left to right. */
    private static Rectangle bottomButton(int index) {
        CoachScreen.Layout l = new CoachScreen(800, 480).layout();
        Rectangle bar = l.controlBar();
        int gap = l.px(12);
        int bw = (800 - 4 * gap) / 3;
        return new Rectangle(gap + index * (bw + gap), bar.y + l.px(6), bw, bar.height - 2 * l.px(6));
    }

    @Test
    void tapsAloneTakeTheAthleteThroughTheNoticeBeginPauseSkipAndEnd() throws Exception {
        startRun();
        awaitLine("coach: Isometric holds raise blood pressure");
        String w = window();
        CoachScreen.Layout layout = new CoachScreen(800, 480).layout();

        // Anywhere on the notice; at the left edge, so that a repeated tap misses the next screen's Begin.
        tapUntil(w, 40, 240, "coach: Tap Begin when you are in place");
        tap(w, TextPages.beginButton(layout));
        awaitLine("coach: Right leg, high: rep 1 of 2. Push when ready");

        tap(w, bottomButton(0));                            // Pause
        awaitLine("coach: Paused: nothing counts until you resume");
        tap(w, bottomButton(0));                            // Resume, in the same place
        awaitLine("coach: Go on");

        tap(w, bottomButton(1));                            // Skip: asks first
        Rectangle[] answers = TextPages.answerButtons(layout);
        Thread.sleep(300);
        assertThat(out).noneMatch(l -> l.contains("Rep skipped"));
        tap(w, answers[0]);                                 // yes, skip it
        awaitLine("coach: Rep skipped");
        tap(w, bottomButton(1));                            // Skip rest: at once
        awaitLine("coach: Right leg, high: rep 2 of 2. Push when ready");

        tap(w, bottomButton(2));                            // End: asks first
        tap(w, answers[1]);                                 // no, keep going
        Thread.sleep(300);
        assertThat(out).noneMatch(l -> l.contains("Session ended"));
        tap(w, bottomButton(2));
        tap(w, answers[0]);                                 // yes, end it
        awaitLine("coach: Session ended: 0 of 4 reps held");
        assertThat(run.isAlive()).as("the summary stays until tapped").isTrue();

        tap(w, 400, 240);                                   // close the summary
        assertThat(run.waitFor(20, TimeUnit.SECONDS)).as("run ends after the summary").isTrue();
        assertThat(run.exitValue()).isZero();
        awaitLine("0 of 4 reps held (0 tried), ended early");
    }

    /** An address of this machine other than loopback, for a dashboard bound to it (as install.sh's is to the LAN). */
    private static String ownAddress() throws IOException {
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (nic.isUp() && !a.isLoopbackAddress() && a instanceof java.net.Inet4Address) {
                    return a.getHostAddress();
                }
            }
        }
        Assumptions.abort("this machine has no IPv4 address besides loopback to bind a dashboard to");
        return null;
    }

    /** The QR code zxing finds in the PNG snapshot, if the snapshot shows one (the file is replaced atomically). */
    private static java.util.Optional<String> codeIn(Path png) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            if (image == null) {
                return java.util.Optional.empty();
            }
            int[] px = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), px)));
            return java.util.Optional.of(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText());
        } catch (IOException | com.google.zxing.ReaderException e) {
            return java.util.Optional.empty();
        }
    }

    private static void awaitSnapshot(Path png, java.util.function.Predicate<java.util.Optional<String>> shows, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(png) && shows.test(codeIn(png))) {
                return;
            }
            Thread.sleep(200);
        }
        fail("the snapshot never showed " + what);
    }

    @Test
    void aTapOnPhoneShowsTheDashboardsCodeWhichScansAndATapAnywhereGoesBackToBegin() throws Exception {
        String host = ownAddress();
        String token = "f2c665e31b05029a3ac7efa0a9bb54b5";
        Path png = dir.resolve("screen.png");
        startRun(png, List.of("dashboard: {bind: " + host + ", port: 8089, token: " + token + "}"));
        awaitLine("coach: Isometric holds raise blood pressure");
        String w = window();
        CoachScreen.Layout layout = new CoachScreen(800, 480).layout();

        tapUntil(w, 40, 240, "coach: Tap Begin when you are in place");   // the notice; a repeat misses Phone and Begin
        awaitSnapshot(png, java.util.Optional::isEmpty, "the Begin screen (no code on it)");
        tap(w, TextPages.phoneButton(layout));
        awaitSnapshot(png, code -> code.equals(java.util.Optional.of("http://" + host + ":8089/?token=" + token)),
                "the dashboard's code, token included");

        tap(w, 400, 240);                                   // anywhere: back to Begin
        awaitSnapshot(png, java.util.Optional::isEmpty, "the Begin screen again");
        assertThat(out).noneMatch(l -> l.contains("rep 1 of 2"));
        tap(w, TextPages.beginButton(layout));
        awaitLine("coach: Right leg, high: rep 1 of 2. Push when ready");
    }
}
