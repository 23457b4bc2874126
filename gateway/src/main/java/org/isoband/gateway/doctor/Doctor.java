package org.isoband.gateway.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.isoband.gateway.config.BrokerAddress;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.config.SensorConfig;

/**
 * Looks at the machine the gateway runs on and says what is missing for the configuration it was given,
 * and how to fix it: Java, the Bluetooth adapter and BlueZ, GPIO and I2C, the user's groups, the display,
 * the broker, the clock, the storage folder. docs/troubleshooting.md explains each fix at length.
 */
public final class Doctor {
    private final MachineView machine;

    public Doctor(MachineView machine) {
        this.machine = machine;
    }

    public List<Check> examine(GatewayConfig config) {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        checks.add(bluetooth(config));
        checks.add(bluez(config));
        checks.add(gpio(config));
        checks.add(i2c(config));
        checks.add(groups());
        checks.add(broker(config));
        checks.add(clock());
        checks.add(storage(config));
        checks.add(dashboard(config));
        return checks;
    }

    /**
     * The address a phone on the home network opens the dashboard at, token included, when the configuration
     * opens it to the network (dashboard.bind 0.0.0.0 or an address of this machine), else empty.
     */
    public Optional<String> dashboardUrl(GatewayConfig config) {
        GatewayConfig.Dashboard d = config.dashboard();
        String host;
        if (d.bind().equals("0.0.0.0") || d.bind().equals("::")) {
            List<String> lan = machine.lanAddresses();
            if (lan.isEmpty()) {
                return Optional.empty();
            }
            host = lan.get(0);
        } else if (d.bind().startsWith("127.") || d.bind().equals("localhost") || d.bind().equals("::1")) {
            return Optional.empty();
        } else {
            host = d.bind().contains(":") ? "[" + d.bind() + "]" : d.bind();
        }
        return Optional.of("http://" + host + ":" + d.port() + "/" + (d.token() == null ? "" : "?token=" + d.token()));
    }

    private Check dashboard(GatewayConfig config) {
        String name = "Dashboard";
        GatewayConfig.Dashboard d = config.dashboard();
        Optional<String> url = dashboardUrl(config);
        boolean running = machine.connects("127.0.0.1", d.port(), 1000);
        String start = "start it: sudo systemctl enable --now isoband-dashboard (or isoband dashboard)";
        if (url.isEmpty()) {
            String here = "http://127.0.0.1:" + d.port() + "/ (this machine only)";
            return running ? Check.ok(name, here) : Check.warn(name, "not running on " + here, start
                    + "; for phones: dashboard.bind: 0.0.0.0 with a token");
        }
        String shown = d.token() == null ? url.get() : url.get().replace(d.token(), "...");
        return running ? Check.ok(name, shown + " (phones on the home network: the QR code below)")
                : Check.warn(name, "not running (it would be at " + shown + ")", start);
    }

    private boolean wants(GatewayConfig config, SensorConfig.Kind kind) {
        return config.sensor().kind() == kind;
    }

    private Check java() {
        int version = Runtime.version().feature();
        return version >= 17 ? Check.ok("Java", "Java " + version)
                : Check.fail("Java", "Java " + version, "install Java 17 or newer: sudo apt install openjdk-17-jre-headless");
    }

    private Check bluetooth(GatewayConfig config) {
        List<String> adapters = machine.list(Path.of("/sys/class/bluetooth"));
        String name = "Bluetooth adapter";
        if (!adapters.isEmpty()) {
            return Check.ok(name, String.join(", ", adapters));
        }
        String fix = "no adapter: on a Pi check 'rfkill list' (unblock with 'sudo rfkill unblock bluetooth') and that "
                + "the hciuart/bluetooth services run; elsewhere plug in a USB Bluetooth LE adapter";
        return wants(config, SensorConfig.Kind.BLE) ? Check.fail(name, "no Bluetooth adapter", fix) : Check.warn(name, "no Bluetooth adapter", fix);
    }

    private Check bluez(GatewayConfig config) {
        String name = "BlueZ (bluetoothd)";
        Optional<String> owner = machine.run("busctl", "--system", "status", "org.bluez");
        if (owner.isPresent()) {
            return Check.ok(name, "org.bluez is on the system bus");
        }
        String fix = "install and start BlueZ: sudo apt install bluez && sudo systemctl enable --now bluetooth";
        return wants(config, SensorConfig.Kind.BLE) ? Check.fail(name, "org.bluez is not on the system bus", fix)
                : Check.warn(name, "org.bluez is not on the system bus", fix);
    }

    private Check gpio(GatewayConfig config) {
        String name = "GPIO";
        boolean needed = wants(config, SensorConfig.Kind.HX711) || config.gpio().buzzer() >= 0 || config.gpio().led() >= 0
                || config.gpio().button() >= 0;
        Path chip = Path.of("/dev/gpiochip0");
        if (!machine.exists(chip)) {
            String fix = "no /dev/gpiochip0: this is not a Raspberry Pi (or the GPIO driver is not loaded)";
            return needed ? Check.fail(name, "no GPIO", fix) : Check.warn(name, "no GPIO", fix);
        }
        if (!machine.readableAndWritable(chip)) {
            return Check.fail(name, "permission denied on " + chip, "add the user to the gpio group: sudo usermod -aG gpio $USER, then log in again");
        }
        return Check.ok(name, chip.toString());
    }

    private Check i2c(GatewayConfig config) {
        String name = "I2C";
        Path bus = Path.of("/dev/i2c-" + (config.sensor() instanceof SensorConfig.Ads1115 a ? a.bus() : SensorConfig.Ads1115.DEFAULT_BUS));
        boolean needed = wants(config, SensorConfig.Kind.ADS1115);
        if (!machine.exists(bus)) {
            String fix = "enable I2C: sudo raspi-config nonint do_i2c 0, then reboot";
            return needed ? Check.fail(name, "no " + bus, fix) : Check.ok(name, "not used");
        }
        return machine.readableAndWritable(bus) ? Check.ok(name, bus.toString())
                : Check.fail(name, "permission denied on " + bus, "sudo usermod -aG i2c $USER, then log in again");
    }

    private Check groups() {
        String name = "User groups";
        Optional<String> groups = machine.run("id", "-Gn");
        if (groups.isEmpty()) {
            return Check.warn(name, "cannot tell ('id -Gn' did not run)", "");
        }
        List<String> have = List.of(groups.get().split("\\s+"));
        if (have.contains("root")) {
            return Check.warn(name, "running as root", "run as the isoband user (the systemd unit does): root is never needed");
        }
        List<String> missing = new ArrayList<>();
        for (String g : List.of("bluetooth", "gpio", "i2c", "video")) {
            if (!have.contains(g)) {
                missing.add(g);
            }
        }
        return missing.isEmpty() ? Check.ok(name, groups.get())
                : Check.warn(name, "not in " + String.join(", ", missing),
                        "sudo usermod -aG " + String.join(",", missing) + " $USER (only those the setup uses), then log in again");
    }

    private Check broker(GatewayConfig config) {
        String name = "MQTT broker";
        String url = config.mqtt().url();
        if (url.isEmpty()) {
            return Check.ok(name, "none configured (reps stay on the gateway until one is)");
        }
        BrokerAddress broker;
        try {
            broker = BrokerAddress.parse(url);
        } catch (IllegalArgumentException e) {
            return Check.fail(name, e.getMessage(), "set mqtt.url to tcp://HOST:1883");
        }
        String host = broker.host();
        int port = broker.port();
        return machine.connects(host, port, 2000) ? Check.ok(name, host + ":" + port + " accepts connections")
                : Check.fail(name, "cannot connect to " + host + ":" + port,
                        "is the broker running and reachable from here? (mosquitto_sub -h " + host + " -p " + port + " -t '#')");
    }

    private Check clock() {
        String name = "Clock";
        Optional<String> synced = machine.run("timedatectl", "show", "-p", "NTPSynchronized", "--value");
        if (synced.isPresent() && synced.get().equals("yes")) {
            return Check.ok(name, "synchronised (NTP)");
        }
        if (machine.exists(Path.of("/run/systemd/timesync/synchronized"))) {
            return Check.ok(name, "synchronised (systemd-timesyncd)");
        }
        return Check.warn(name, "not known to be synchronised",
                "a Pi has no battery clock: rep times are wrong until NTP syncs (sudo timedatectl set-ntp true)");
    }

    private Check storage(GatewayConfig config) {
        String name = "Storage";
        Path folder = config.storage().toAbsolutePath().getParent();
        Path existing = folder;
        while (existing != null && !machine.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !machine.readableAndWritable(existing)) {
            return Check.fail(name, "cannot write in " + folder, "create it for the gateway's user: sudo install -d -o isoband " + folder);
        }
        return Check.ok(name, config.storage().toString());
    }
}
