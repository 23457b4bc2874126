package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged demo's terminal view in a real pseudo-terminal (tmux) at 80x24 and 120x40: redrawn in place
 * (one view, not a scrolling log), no line wider than the terminal, single keys without Enter, and the
 * terminal given back (main screen, echo, line editing) with the session's summary after q or Ctrl-C.
 */
class TerminalViewIT {
    private static final Path JAR = Path.of("target", "isoband.jar").toAbsolutePath();

    @TempDir
    Path dir;
    private String session;

    @BeforeEach
    void tmux() {
        if (!TouchWindowIT.installed("tmux")) {
            String message = "tmux is not installed: apt-get install tmux";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " -- required when CI=true");
            }
            Assumptions.abort(message);
        }
        session = "isoband-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @AfterEach
    void kill() throws Exception {
        tmux("kill-session", "-t", session);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", "isoband-it"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", session);
    }

    private String awaitScreen(String part) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        String s = "";
        while (System.nanoTime() < deadline) {
            s = screen();
            if (s.contains(part)) {
                return s;
            }
            Thread.sleep(200);
        }
        fail("'" + part + "' never appeared on the terminal:\n" + s);
        return s;
    }

    @ParameterizedTest(name = "{0}x{1}, {2}")
    @CsvSource({"80,24,q", "120,40,C-c"})
    void theViewRedrawsInPlaceTakesSingleKeysAndGivesTheTerminalBack(int cols, int rows, String quit) throws Exception {
        Path stty = dir.resolve("stty.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.format("trap true INT; stty -a > %s.before; %s -jar %s demo --headless --speed 4 --no-dashboard --audio off;"
                + " echo EXIT=$?; stty -a > %s; sleep 60", stty, java, JAR, stty);
        tmux("new-session", "-d", "-s", session, "-x", String.valueOf(cols), "-y", String.valueOf(rows), "sh", "-c", command);

        String view = awaitScreen("rep 1/5");
        for (String line : view.lines().toList()) {
            assertThat(line.length()).as("'%s' fits %d columns", line, cols).isLessThanOrEqualTo(cols);
        }
        Thread.sleep(1500);
        String later = screen();
        assertThat(later.lines().filter(l -> l.startsWith("keys:")).count()).as("one view, redrawn in place:\n" + later).isEqualTo(1);
        List<String> lines = later.lines().toList();
        int keys = lines.indexOf(lines.stream().filter(l -> l.startsWith("keys:")).findFirst().orElseThrow());
        for (int i = 0; i < keys; i++) {
            assertThat(lines.get(i)).as("no log line inside the view").doesNotContain(" INFO ").doesNotContain("coach:");
        }

        tmux("send-keys", "-t", session, "p");        // one key, no Enter
        awaitScreen("PAUSED");
        tmux("send-keys", "-t", session, "p");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (screen().contains("PAUSED") && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(screen()).as("resumed").doesNotContain("PAUSED");

        tmux("send-keys", "-t", session, quit);
        String after = awaitScreen("EXIT=");
        // q ends normally; Ctrl-C ends as an interrupted program does (128 + SIGINT), with the same summary.
        assertThat(after).contains(quit.equals("q") ? "EXIT=0" : "EXIT=130").contains("reps held").contains("Next time:");
        assertThat(after).as("the main screen is back: the view is gone").doesNotContain("keys: space");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(stty) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String settings = Files.readString(stty);
        assertThat(settings).as("echo and line editing restored").contains(" icanon").contains(" echo ");
        assertThat(settings.replaceAll("speed.*\n", "")).isEqualTo(Files.readString(Path.of(stty + ".before")).replaceAll("speed.*\n", ""));
    }

    @org.junit.jupiter.api.Test
    void atEightyByTwentyFourTheDKeyShowsTheDashboardsCodeWhichScansFromTheTerminalsOwnText() throws Exception {
        String host = null;
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (host == null && nic.isUp() && !a.isLoopbackAddress() && a instanceof java.net.Inet4Address) {
                    host = a.getHostAddress();
                }
            }
        }
        Assumptions.assumeTrue(host != null, "this machine has no IPv4 address besides loopback to bind a dashboard to");
        String token = "f2c665e31b05029a3ac7efa0a9bb54b5";
        StringBuilder csv = new StringBuilder("t_s,force_n\n");
        for (int i = 0; i < 80 * 120; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,30.0%n", i / 80.0));
        }
        Path band = Files.writeString(dir.resolve("rest.csv"), csv);
        Path config = Files.writeString(dir.resolve("isoband.yaml"), String.join("\n",
                "sensor:", "  kind: replay", "  replay: {file: " + band + "}",
                "display:", "  output: terminal",
                "storage:", "  file: " + dir.resolve("gateway.db"),
                "audio: off",
                "dashboard: {bind: " + host + ", port: 8089, token: " + token + "}", ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.format("LANG=C.UTF-8 %s -jar %s run --config %s --new; sleep 60", java, JAR, config);
        tmux("-u", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "sh", "-c", command);

        awaitScreen("BEFORE YOU START");
        tmux("send-keys", "-t", session, "Space");
        String begin = awaitScreen("Your reps on your phone: http://" + host + ":8089/");
        assertThat(begin).doesNotContain(token);
        tmux("send-keys", "-t", session, "d");
        String page = awaitScreen("YOUR REPS ON YOUR PHONE");
        List<String> code = page.lines().filter(l -> l.startsWith("\u2588")).toList();

        assertThat(QrReader.read(QrReader.fromHalfBlocks(code, 4))).as("the code on the terminal:\n" + page).contains("http://" + host + ":8089/?token=" + token);
        tmux("send-keys", "-t", session, "d");
        awaitScreen("Press space to begin");
        tmux("send-keys", "-t", session, "q");
    }
}
