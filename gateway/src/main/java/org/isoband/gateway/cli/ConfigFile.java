package org.isoband.gateway.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.isoband.gateway.config.ConfigException;
import org.isoband.gateway.config.ConfigLoader;
import org.isoband.gateway.config.ConfigProblem;
import org.isoband.gateway.config.GatewayConfig;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code --config} file of the commands that start something: all defaults without one. */
final class ConfigFile {
    private ConfigFile() {
    }

    /**
     * The configuration in {@code file} (the defaults when null), or null after printing every problem and
     * that nothing was started: the command then exits with code 2.
     */
    static GatewayConfig loadOrReport(Path file, CommandSpec spec) {
        if (file == null) {
            return ConfigLoader.defaults();
        }
        try {
            return ConfigLoader.load(file);
        } catch (ConfigException e) {
            PrintWriter err = spec.commandLine().getErr();
            for (ConfigProblem p : e.problems()) {
                err.println(p);
            }
            err.println(spec.name() + ": the configuration has " + e.problems().size() + " problem(s); nothing was started");
            return null;
        }
    }
}
