package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help, as a user reads it: formatted, and without picocli's complaints on stderr. */
class HelpTextTest {

    /** The command paths of the whole tree ("demo", "config check", ...), found from the commands themselves. */
    private static List<String[]> commandPaths() {
        List<String[]> paths = new ArrayList<>();
        collect(new CommandLine(new IsobandCommand()), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cl, List<String> path, List<String[]> paths) {
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommand() instanceof CommandLine.HelpCommand) {
                return;
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            paths.add(p.toArray(String[]::new));
            collect(sub, p, paths);
        });
    }

    @Test
    void everyCommandsHelpIsFormattedWithoutWarnings() {
        List<String[]> paths = commandPaths();
        assertThat(paths).hasSizeGreaterThan(10);
        PrintStream original = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            // picocli reports a description it cannot format on System.err, and prints it raw
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            for (String[] path : paths) {
                List<String> args = new ArrayList<>(List.of(path));
                args.add("--help");
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertThat(run.exitCode()).as(String.join(" ", path)).isZero();
                assertThat(run.out()).as(String.join(" ", path)).contains("Usage: isoband " + String.join(" ", path))
                        .doesNotContain("%n");
            }
        } finally {
            System.setErr(original);
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }
}
