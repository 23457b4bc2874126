package org.isoband.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.doctor.Check;
import org.isoband.gateway.doctor.Doctor;
import org.isoband.gateway.doctor.MachineView;
import org.isoband.gateway.qr.QrCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband doctor}: what this machine lacks for the configuration, and how to fix it. */
@Command(
        name = "doctor",
        header = "Check this machine for what the configuration needs, and say how to fix it.",
        mixinStandardHelpOptions = true,
        description = {
            "Check this machine for what the gateway needs: Java, the Bluetooth adapter and BlueZ, GPIO",
            "and I2C and the user's groups, the MQTT broker, the clock, the storage folder, the dashboard",
            "(its address for phones, with a QR code, when it is open to the home network). Each problem",
            "comes with what to do. Exit code 0 when nothing the configuration needs is missing (warnings",
            "included), 1 when something is (see docs/troubleshooting.md)."
        })
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the configuration to check against (default: ~/.config/isoband/isoband.yaml if it exists, else all defaults)")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        GatewayConfig cfg = ConfigFile.loadOrReport(config, spec);
        if (cfg == null) {
            return UserErrorHandler.BAD_INPUT;
        }
        Doctor doctor = new Doctor(MachineView.LOCAL);
        List<Check> checks = doctor.examine(cfg);
        for (Check c : checks) {
            out.printf(Locale.ROOT, "%-4s  %-20s %s%n", c.status(), c.name(), c.found());
            if (!c.fix().isEmpty()) {
                out.printf(Locale.ROOT, "      %-20s fix: %s%n", "", c.fix());
            }
        }
        doctor.dashboardUrl(cfg).ifPresent(url -> {
            out.println("Dashboard for phones on the home network: " + url);
            QrCode.of(url).asText().forEach(line -> out.println("  " + line));
        });
        long failed = checks.stream().filter(c -> c.status() == Check.Status.FAIL).count();
        long warned = checks.stream().filter(c -> c.status() == Check.Status.WARN).count();
        // A warning is something that works, only not as well as it could: it is no reason for a failing exit.
        out.println(failed > 0 ? "doctor: problems found (see the fixes above)"
                : warned > 0 ? "doctor: nothing the configuration needs is missing; " + warned + " warning(s) above"
                : "doctor: all good");
        return failed > 0 ? 1 : 0;
    }
}
