package org.isoband.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.isoband.device.ble.BleException;
import org.isoband.device.ble.BleProfile;
import org.isoband.device.ble.BleScanner;
import org.isoband.device.ble.HeardDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband scan}: the supported BLE sensors advertising nearby, through BlueZ. */
@Command(
        name = "scan",
        header = "List the supported BLE force sensors advertising nearby.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "List the BLE force sensors that advertise nearby: the isoband band, a Tindeq Progressor",
            "(or a compatible firmware), a PitchSix Force Board, a CTS500, a WH-C06 crane scale, and",
            "gauges the gateway recognises but cannot read (Frez Dyno, PB-700BT). One line each: name,",
            "address, signal strength, kind, battery when advertised, supported or why not; nearest",
            "first. Use the name or the address as the sensor's device in the configuration, or as",
            "--source ble:DEVICE of 'record'.",
            "",
            "Talks to BlueZ (bluetoothd) on the D-Bus system bus, or on the bus that the environment",
            "variable DBUS_SYSTEM_BUS_ADDRESS names. A sensor connected to another app (a phone)",
            "does not advertise, so it is not listed."
        },
        footer = {"", "Exit codes: 0 done (even if nothing was found), 1 BlueZ or the adapter failed,",
            "2 bad input.", "", "Example:", "  isoband scan --seconds 10"})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "5", paramLabel = "N", converter = Ranges.ScanSeconds.class,
            description = "how long to listen (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--adapter", defaultValue = "hci0", paramLabel = "NAME",
            description = "the Bluetooth adapter (default: ${DEFAULT-VALUE})")
    String adapter;

    @Option(names = "--profile", defaultValue = "auto", paramLabel = "KIND",
            description = "auto, isoband, progressor, force-board, cts500, sig-force or crane-scale "
                    + "(default: ${DEFAULT-VALUE})")
    String profile;

    @Override
    public Integer call() throws InterruptedException {
        if (!adapter.matches("[A-Za-z0-9_]+")) {
            throw new UserError("--adapter must be a name such as hci0, got '" + adapter + "'");
        }
        BleProfile wanted;
        try {
            wanted = BleProfile.fromCliName(profile);
        } catch (IllegalArgumentException e) {
            throw new UserError("--profile: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "scan: listening on %s for %s s...%n", adapter, format(seconds));
        err.flush();
        List<HeardDevice> found;
        try {
            found = new BleScanner(System.getenv()).survey(adapter, wanted,
                    Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (BleException e) {
            err.println("scan: " + e.getMessage());
            return 1;
        }
        if (found.isEmpty()) {
            err.println("scan: no supported sensor advertised (switched off, out of range, or connected to another "
                    + "app: a sensor takes one central at a time)");
            return 0;
        }
        out.printf(Locale.ROOT, "%-20s %-17s %8s  %-11s %-7s  %s%n", "NAME", "ADDRESS", "RSSI", "KIND", "BATTERY",
                "SUPPORTED");
        for (HeardDevice d : found) {
            out.printf(Locale.ROOT, "%-20s %-17s %8s  %-11s %-7s  %s%n", d.name().isEmpty() ? "-" : d.name(),
                    d.address(), d.rssi().isPresent() ? d.rssi().getAsInt() + " dBm" : "-", d.recognition().cliName(),
                    d.battery().isPresent() ? d.battery().getAsInt() + " %" : "-",
                    d.recognition() instanceof HeardDevice.Unsupported u ? "no: " + u.gauge().why() : "yes");
        }
        return 0;
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }
}
