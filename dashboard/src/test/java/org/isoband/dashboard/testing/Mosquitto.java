package org.isoband.dashboard.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker on a free loopback port, with a throwaway configuration, for one test class; and
 * {@code mosquitto_pub} as an independent client.
 */
public final class Mosquitto implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path pub;
    private final Path log;

    private Mosquitto(Process process, int port, Path pub, Path log) {
        this.process = process;
        this.port = port;
        this.pub = pub;
        this.log = log;
    }

    /** Starts one, or skips the test (fails it under CI) when mosquitto is not installed. */
    public static Mosquitto start(Path dir) throws IOException, InterruptedException {
        Path binary = Programs.require("mosquitto", "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto");
        Path pub = Programs.require("mosquitto-clients", "/usr/bin/mosquitto_pub", "/usr/local/bin/mosquitto_pub");
        int port = Programs.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                // Mosquitto's default keeps at most 1,000 QoS 1 messages queued per client and drops the rest: a
                // burst of reps faster than the subscriber drains them would be lost, here and on a real broker.
                "max_queued_messages 100000",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                ""));
        Path log = dir.resolve("mosquitto.log");
        Process p = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Mosquitto m = new Mosquitto(p, port, pub, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return m;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        m.close();
        throw new IllegalStateException("mosquitto did not open port " + port + ": " + Files.readString(log));
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Publishes with {@code mosquitto_pub} (QoS 1), waiting until it has exited. */
    public void publish(String topic, String payload) throws IOException, InterruptedException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), false);
    }

    public void publish(String topic, byte[] payload, boolean retained) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(pub.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-q", "1", "-t", topic, "-s"));
        if (retained) {
            cmd.add("-r");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(payload);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("mosquitto_pub to " + topic + " failed: " + out);
        }
    }

    /** Publishes each line as one message with a single {@code mosquitto_pub -l} (QoS 0, as force batches are). */
    public void publishLines(String topic, java.util.List<String> lines) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(pub.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "0", "-t", topic, "-l")
                .redirectErrorStream(true).start();
        p.getOutputStream().write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("mosquitto_pub -l to " + topic + " failed: " + out);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "mosquitto on " + url() + " (log " + log + ")";
    }
}
