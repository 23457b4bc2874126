package org.isoband.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.isoband.gateway.config.ConfigException;
import org.isoband.gateway.config.ConfigLoader;
import org.isoband.gateway.config.ConfigProblem;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.config.LoadedConfig;
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
        return loadOrReport(file, spec, false);
    }

    /**
     * As {@link #loadOrReport(Path, CommandSpec)}; when {@code required} (run: the defaults are the simulated
     * athlete, never what a user who forgot the file wants), no file at all is reported with how to make one.
     */
    static GatewayConfig loadOrReport(Path file, CommandSpec spec, boolean required) {
        if (file == null) {
            Path own = defaultFile();
            if (!java.nio.file.Files.isRegularFile(own)) {
                if (required) {
                    spec.commandLine().getErr().println(spec.name() + ": no configuration (no --config FILE, and no "
                            + own + "): make one with 'mkdir -p " + own.getParent() + " && isoband config example > "
                            + own + "', edit its sensor: section, or try 'isoband demo'");
                    return null;
                }
                return ConfigLoader.defaults();
            }
            file = own;
            spec.commandLine().getErr().println(spec.name() + ": configuration " + own);
        }
        try {
            LoadedConfig loaded = ConfigLoader.check(file);
            for (ConfigProblem w : loaded.warnings()) {
                spec.commandLine().getErr().println(w);
            }
            return loaded.config();
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
