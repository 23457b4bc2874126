package org.isoband.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.isoband.gateway.config.ConfigException;
import org.isoband.gateway.config.ConfigLoader;
import org.isoband.gateway.config.ConfigProblem;
import org.isoband.gateway.config.GatewayConfig;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code --config} file of the commands that start something. Without one, the user's own file
 * ({@link #defaultFile()}, where {@code isoband calibrate} writes by default) when it exists, else all defaults.
 */
final class ConfigFile {
    /** {@code ~/.config/isoband/isoband.yaml}. */
    static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".config", "isoband", "isoband.yaml");
    }

    private ConfigFile() {
    }

    /**
     * The configuration in {@code file} (when null: {@link #defaultFile()} if it exists, else the defaults), or null after printing every problem and
     * that nothing was started: the command then exits with code 2.
     */
    static GatewayConfig loadOrReport(Path file, CommandSpec spec) {
        if (file == null) {
            Path own = defaultFile();
            if (!java.nio.file.Files.isRegularFile(own)) {
                return ConfigLoader.defaults();
            }
            file = own;
            spec.commandLine().getErr().println(spec.name() + ": configuration " + own);
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
