package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.isoband.dashboard.RunningDashboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (an outbox file that cannot be written), the broker down, and a normal stop (SIGTERM): the reps
 * held in memory are saved beside the outbox, the closing line says so, and after the disk and the broker are
 * back every one of them reaches the dashboard, none twice.
 */
class CleanStopIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private Process process;
    private MosquittoBroker broker;
    private RunningDashboard dashboard;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** The gateway's stdout goes to a file: Process.destroy() closes the pipe, and the closing line comes after. */
    private Path start(String brokerUrl, Path outbox, int count) throws IOException {
        Path out = dir.resolve("gateway-" + count + ".out");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StopTestGateway.class.getName(),
                brokerUrl, outbox.toString(), Integer.toString(count))
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("gateway-" + count + ".err").toFile()).start();
        return out;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aStopWithTheDiskFullAndTheBrokerDownSavesEveryRepAndTheyAllArriveLater() throws Exception {
        MosquittoBroker.assumeInstalled();
        Path outbox = dir.resolve("outbox.db");
        Files.createDirectory(outbox); // the outbox cannot be written, its folder can: as a full SQLite file
        String nobody = "tcp://127.0.0.1:" + FreePort.find();
        Path out = start(nobody, outbox, 25);
        assertThat(EndToEnd.await(WAIT, () -> lines(out).contains("made 25"))).isTrue();
        List<String> made = lines(out).stream().filter(l -> l.startsWith("rep ")).map(l -> l.substring(4)).toList();

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String closing = lines(out).stream().filter(l -> l.startsWith("closing line: ")).findFirst().orElse("none printed");
        assertThat(closing).as(out + Files.readString(dir.resolve("gateway-25.err"))).contains("25 event(s) the outbox could not take saved to " + FallbackFile.beside(outbox))
                .doesNotContain("LOST");
        assertThat(Files.readAllLines(FallbackFile.beside(outbox))).hasSize(25);
        assertThat(Files.readString(dir.resolve("gateway-25.err"))).contains("OUTBOX NOT WRITABLE");

        Files.delete(outbox); // the disk has room again
        broker = MosquittoBroker.start(dir.resolve("mosquitto"), false);
        dashboard = EndToEnd.dashboard(dir, broker.url());
        assertThat(dashboard.awaitSubscribed(30, TimeUnit.SECONDS)).isTrue();
        Path again = start(broker.url(), outbox, 0);
        assertThat(EndToEnd.await(WAIT, () -> Set.copyOf(EndToEnd.stored(dashboard)).containsAll(made))).isTrue();
        assertThat(EndToEnd.stored(dashboard)).containsExactlyInAnyOrderElementsOf(made);
        assertThat(FallbackFile.beside(outbox)).doesNotExist();

        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lines(again)).anySatisfy(l -> assertThat(l).isEqualTo("closing line: mqtt: closed: every event was acknowledged"));
    }
}
