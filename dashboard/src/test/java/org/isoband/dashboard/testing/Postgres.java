package org.isoband.dashboard.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster (Debian package {@code postgresql}): initdb into a fresh folder, started with
 * pg_ctl on a free loopback port, trust authentication, removed on close. PostgreSQL refuses to run as root, so
 * as root the cluster belongs to the {@code postgres} user the package creates and its commands run through
 * {@code runuser}.
 */
public final class Postgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private Postgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Where the server programs are: the newest /usr/lib/postgresql/N/bin with initdb. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Starts a cluster, or skips the test (fails it under CI) when PostgreSQL is not installed. */
    public static Postgres start() throws IOException, InterruptedException {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            Programs.require("postgresql", "/usr/lib/postgresql/15/bin/initdb");   // skips or fails with the message
        }
        boolean asPostgres = Programs.isRoot();
        if (asPostgres) {
            Programs.require("util-linux (runuser)", "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser");
        }
        // Not under the test's @TempDir: its parent folders are closed to the postgres user.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "isoband-pg-");
        Path data = dir.resolve("data");
        if (asPostgres) {
            run(List.of("chown", "postgres:postgres", dir.toString()), dir);
        }
        Postgres pg = new Postgres(bin.get(), dir, Programs.freePort(), asPostgres);
        try {
            pg.pg("initdb", "-D", data.toString(), "-A", "trust", "-U", "isoband", "-E", "UTF8", "--no-locale");
            pg.pg("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + pg.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=isoband";
    }

    private void pg(String program, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        run(cmd, dir);
    }

    private static void run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            } catch (IllegalStateException e) {
                System.err.println("stopping the test PostgreSQL: " + e.getMessage());
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
