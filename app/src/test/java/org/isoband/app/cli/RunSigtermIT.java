package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isoband.gateway.session.SessionJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code isoband run} stopped the way systemd stops it (SIGTERM) with its broker down and its disk
 * full: every rep it made is either saved beside the outbox or counted in the one loud LOST line, and the closing
 * lines are printed. The disk is "full" for the outbox only (a trigger in the real SQLite file refuses every
 * insert, as SQLITE_FULL would; the journal beside it keeps working, as it must for the session to run at all).
 */
class RunSigtermIT {
    private static final Path JAR = Path.of("target", "isoband.jar");
    /** The program's own bound: each part stops within 10 s, the signal's hook holds the JVM at most 30 s. */
    private static final long EXIT_BOUND_S = 45;
    private static final Pattern LOST = Pattern.compile("(\\d+) EVENT\\(S\\) LOST");
    private static final Pattern SAVED = Pattern.compile("(\\d+) event\\(s\\) the outbox could not take saved to");

    @TempDir
    Path dir;
    private Process process;

    @AfterEach
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private Path config() throws IOException, SQLException {
        Path db = dir.resolve("gateway.db");
        int nobody;
        try (ServerSocket s = new ServerSocket(0)) {
            nobody = s.getLocalPort(); // closed again: nothing listens there
        }
        Path config = dir.resolve("isoband.yaml");
        Files.writeString(config, """
                gateway: Garage Pi
                band: Red Band
                sensor: {kind: sim, sim: {scenario: set, seed: 2, speed: 20}}
                display: {output: none}
                storage: {file: gateway.db}
                strength: {max_test: false}
                plan: {legs: [left, right], angles: [high, low], reps_per_angle: 10}
                mqtt: {url: "tcp://127.0.0.1:%d", publish_simulated: true}
                """.formatted(nobody));
        try (SessionJournal journal = new SessionJournal(db, Clock.systemUTC())) {
            journal.markSafetyNoticeRead();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                      band TEXT NOT NULL, verdict TEXT, topic TEXT NOT NULL, payload TEXT NOT NULL, created_ms INTEGER NOT NULL,
                      sent_ms INTEGER)""");
            s.execute("CREATE TRIGGER disk_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END");
        }
        return config;
    }

    private Path out() {
        return dir.resolve("out.txt");
    }

    private Path err() {
        return dir.resolve("err.txt");
    }

    private void start(Path config) throws IOException {
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString(), "run", "--config", config.toString(), "--new")
                .directory(dir.toFile()).redirectOutput(out().toFile()).redirectError(err().toFile()).start();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The reps the program made: the cue log prints each one ("rep:   left, high, rep 1 try 1: HELD, ..."). */
    private long repsMade() {
        return read(out()).lines().filter(l -> l.startsWith("rep: ")).count();
    }

    private void awaitReps(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (repsMade() < count && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(repsMade()).as(read(out()) + read(err())).isGreaterThanOrEqualTo(count);
    }

    /** Runs, lets it make {@code reps} reps, sends SIGTERM; returns the closing MQTT line. */
    private String runAndTerminate(Path config, int reps) throws Exception {
        start(config);
        awaitReps(reps);
        process.destroy(); // SIGTERM on Linux
        assertThat(process.waitFor(EXIT_BOUND_S, TimeUnit.SECONDS)).as("exited within %d s", EXIT_BOUND_S).isTrue();
        String log = read(err());
        assertThat(log).contains("OUTBOX NOT WRITABLE");
        assertThat(read(out())).as("the run's own closing line").contains("isoband run: ");
        List<String> closing = log.lines().filter(l -> l.contains("mqtt: closed")).toList();
        assertThat(closing).as(log).hasSize(1);
        return closing.get(0);
    }

    /** Events of {@code kind} in the fallback file (one JSON object a line). */
    private static long lines(Path fallback, String kind) throws IOException {
        return Files.readAllLines(fallback).stream().filter(l -> l.contains("\"kind\":\"" + kind + "\"")).count();
    }

    @Test
    void sigtermWithTheBrokerDownAndTheOutboxFullSavesEveryRepBesideTheOutbox() throws Exception {
        Path config = config();
        String closing = runAndTerminate(config, 4);

        long made = repsMade();
        Path fallback = dir.resolve("gateway.db.unsent.jsonl");
        assertThat(closing).doesNotContain("LOST").contains("saved to " + fallback);
        Matcher saved = SAVED.matcher(closing);
        assertThat(saved.find()).isTrue();
        assertThat(Files.readAllLines(fallback)).hasSize(Integer.parseInt(saved.group(1)));
        assertThat(lines(fallback, "rep")).as("reps in %s (made %d)", fallback, made).isEqualTo(made);
        assertThat(lines(fallback, "session")).as("the stopped session's summary").isEqualTo(1);
    }

    @Test
    void sigtermWithNothingWritableCountsEveryRepInTheLostLine() throws Exception {
        Path config = config();
        Files.createDirectory(dir.resolve("gateway.db.unsent.jsonl")); // the fallback file cannot be written either
        String closing = runAndTerminate(config, 4);

        long made = repsMade();
        Matcher lost = LOST.matcher(closing);
        assertThat(lost.find()).as(closing).isTrue();
        // Every rep, and the summary of the session the stop ended (the other test reads both in the fallback file).
        assertThat(Long.parseLong(lost.group(1))).as("%s (made %d reps)", closing, made).isEqualTo(made + 1);
    }
}
