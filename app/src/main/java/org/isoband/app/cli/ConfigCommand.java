package org.isoband.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.isoband.gateway.config.ConfigException;
import org.isoband.gateway.config.ConfigLoader;
import org.isoband.gateway.config.ConfigProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband config}: check a configuration file, or print the example. */
@Command(
        name = "config",
        header = "Check a configuration file, or print the commented example.",
        mixinStandardHelpOptions = true,
        description = "Check a configuration file, or print the example one.",
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Example.class})
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check FILE and report every problem with its line and key.",
                "Exit code 0 when it is fine, 2 when it is not."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the configuration file (YAML)")
        Path file;

        @Override
        public Integer call() {
            try {
                for (ConfigProblem w : ConfigLoader.check(file).warnings()) {
                    spec.commandLine().getErr().println(w);
                }
                spec.commandLine().getOut().println(file + ": OK");
                return 0;
            } catch (ConfigException e) {
                for (ConfigProblem p : e.problems()) {
                    spec.commandLine().getErr().println(p);
                }
                spec.commandLine().getErr().println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
                return UserErrorHandler.BAD_INPUT;
            }
        }
    }

    @Command(name = "example", mixinStandardHelpOptions = true,
            description = "Print an example configuration with comments: isoband config example > isoband.yaml")
    static final class Example implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            spec.commandLine().getOut().print(exampleText());
            return 0;
        }
    }

    static String exampleText() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("isoband.example.yaml")) {
            if (in == null) {
                throw new IOException("the example configuration is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
