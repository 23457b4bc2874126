package org.isoband.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Mosquitto (Debian package {@code mosquitto}) started by the test on a free loopback port with a
 * config of its own: anonymous, persistence in a temp dir saved on every change, so that a broker killed
 * with SIGKILL comes back with its clients' sessions. Absent binary: the test is skipped with a visible
 * message, or fails when CI=true (CI must run it).
 */
final class MosquittoBroker implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    static final Path SUB = Path.of("/usr/bin/mosquitto_sub");

    private final int port;
    private final Path dir;
    private final boolean saveEveryChange;
    private final String listenerOptions;
    private Process process;

    private MosquittoBroker(int port, Path dir, boolean saveEveryChange, String listenerOptions) {
        this.port = port;
        this.dir = dir;
        this.saveEveryChange = saveEveryChange;
        this.listenerOptions = listenerOptions;
    }

    /** Skips (or, under CI=true, fails) the calling test when Mosquitto is not installed. */
    static void assumeInstalled() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(SUB)) {
            return;
        }
        String message = "Mosquitto is not installed (" + BINARY + ", " + SUB + "): apt-get install mosquitto mosquitto-clients";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " -- required when CI=true");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    /** A broker that saves its state on every change, so that even SIGKILL loses no session (slow). */
    static MosquittoBroker start(Path dir) {
        return start(dir, true);
    }

    /**
     * @param saveEveryChange save the persistence file after every change (for the kill tests), or keep
     *                        Mosquitto's default of every 30 min (for benchmarks: a save per message is slow)
     */
    static MosquittoBroker start(Path dir, boolean saveEveryChange) {
        return start(dir, saveEveryChange, "");
    }

    /** @param listenerOptions config lines for the listener, such as its TLS files */
    static MosquittoBroker start(Path dir, boolean saveEveryChange, String listenerOptions) {
        MosquittoBroker broker = new MosquittoBroker(FreePort.find(), dir, saveEveryChange, listenerOptions);
        broker.writeConfig();
        broker.startAgain();
        return broker;
    }

    private void writeConfig() {
        StringBuilder conf = new StringBuilder();
        if ("root".equals(System.getProperty("user.name"))) {
            // Run as root, Mosquitto would switch to the user "mosquitto", who cannot write the temp dir.
            conf.append("user root\n");
        }
        conf.append("listener ").append(port).append(" 127.0.0.1\n")
                .append(listenerOptions)
                .append("allow_anonymous true\n")
                // Without it Mosquitto's small packets to subscribers wait for delayed ACKs (docs/mqtt.md).
                .append("set_tcp_nodelay true\n")
                // The default (1000) drops QoS 1 messages for a subscriber that falls behind, as one may
                // while a gateway republishes a long outage's backlog (docs/mqtt.md, "Broker settings").
                .append("max_queued_messages 100000\n")
                .append("persistence true\n")
                .append("persistence_location ").append(dir.toAbsolutePath()).append("/\n")
                .append(saveEveryChange ? "autosave_interval 1\nautosave_on_changes true\n" : "")
                .append("log_dest file ").append(dir.resolve("mosquitto.log").toAbsolutePath()).append('\n');
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("mosquitto.conf"), conf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void startAgain() {
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!FreePort.accepts(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mosquitto did not start on port " + port + ": "
                            + Files.readString(dir.resolve("stdout.log")));
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGHUP: Mosquitto reads its ACL and password files again (the way an admin fixes a rule). */
    void reload() throws IOException, InterruptedException {
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
        if (!hup.waitFor(10, TimeUnit.SECONDS) || hup.exitValue() != 0) {
            throw new IllegalStateException("kill -HUP " + process.pid() + " failed");
        }
    }

    /** SIGKILL: no goodbye to anyone, only what persistence saved survives. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
