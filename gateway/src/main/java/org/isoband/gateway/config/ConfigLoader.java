package org.isoband.gateway.config;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.isoband.core.coach.Leg;
import org.isoband.core.coach.TrainingPlan;
import org.isoband.core.sample.Calibration;
import org.isoband.device.ble.BleProfile;
import org.isoband.device.sim.Scenario;
import org.isoband.core.mqtt.MqttProtocol;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the YAML configuration file (SnakeYAML's node tree, which keeps every value's line) into a
 * {@link GatewayConfig}, collecting every problem before giving up: unknown keys with a did-you-mean, wrong
 * types, out-of-range values, missing files.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** The configuration with every default, as with an empty file. */
    public static GatewayConfig defaults() {
        try {
            return parse("defaults", "", null).config();
        } catch (ConfigException e) {
            throw new IllegalStateException("the defaults do not load: " + e.getMessage(), e);
        }
    }

    public static GatewayConfig load(Path file) throws ConfigException {
        return check(file).config();
    }

    /** The configuration in {@code file} with its warnings, or every problem that keeps it from loading. */
    public static LoadedConfig check(Path file) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single(name, "no such file");
        } catch (AccessDeniedException e) {
            throw single(name, "permission denied: the file must be readable by the user who runs isoband"
                    + " (the service's user is isoband: sudo chgrp isoband " + name + " && sudo chmod g+r " + name + ")");
        } catch (IOException e) {
            throw single(name, "cannot read: " + reason(e));
        }
        if (isEmpty(text)) {
            // An empty file is almost always a failed 'config example > file', not a wish for every default.
            throw single(name, "the file is empty (or only comments): write the example into it with "
                    + "'isoband config example > " + name + "', then edit it");
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(name, text, base);
    }

    private static boolean isEmpty(String text) {
        return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---"));
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static LoadedConfig parse(String name, String text, Path base) throws ConfigException {
        Node root;
        try (Reader reader = new java.io.StringReader(text)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new ConfigException(List.of(new ConfigProblem(name, line, "", "not valid YAML: " + e.getProblem())));
        } catch (YAMLException | IOException e) {
            throw single(name, "not valid YAML: " + e.getMessage());
        }
        if (root != null && !(root instanceof MappingNode) && !(root instanceof ScalarNode s && s.getValue().isEmpty())) {
            throw single(name, "expected sections such as 'sensor:' and 'mqtt:' at the top level");
        }
        List<ConfigProblem> problems = new ArrayList<>();
        List<ConfigProblem> warnings = new ArrayList<>();
        YamlSection top = YamlSection.root(name, root instanceof MappingNode m ? m : null, problems, warnings);
        GatewayConfig config = read(top, base);
        top.finish();
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ConfigProblem::line));
            throw new ConfigException(problems);
        }
        warnings.sort(java.util.Comparator.comparingInt(ConfigProblem::line));
        return new LoadedConfig(config, warnings);
    }

    private static ConfigException single(String file, String message) {
        return new ConfigException(List.of(new ConfigProblem(file, 0, "", message)));
    }

    private static GatewayConfig read(YamlSection top, Path base) {
        String gateway = top.string("gateway", hostname());
        String band = top.string("band", "band");
        topicLevel(top, "gateway", gateway);
        topicLevel(top, "band", band);
        SensorConfig sensor = sensor(top.section("sensor"), base);
        Calibration calibration = calibration(top.section("calibration"));
        YamlSection detector = top.section("detector");
        double fullScale = detector.number("full_scale_n", Double.POSITIVE_INFINITY, 1, 1e6);
        detector.finish();
        YamlSection planSection = top.section("plan");
        GatewayConfig.Autostart autostart = autostart(planSection);
        TrainingPlan plan = plan(planSection);
        GatewayConfig.Display display = display(top.section("display"), base);
        GatewayConfig.Gpio gpio = gpio(top.section("gpio"));
        GatewayConfig.Mqtt mqtt = mqtt(top.section("mqtt"), base, gateway, sensor.kind());
        YamlSection storage = top.section("storage");
        Path file = storage.path("file", Path.of(System.getProperty("user.home"), ".local", "share", "isoband", "gateway.db"), base, false);
        StorageLocation.check(storage, "file", file);
        storage.finish();
        GatewayConfig.Dashboard dashboard = dashboard(top.section("dashboard"));
        GatewayConfig.Audio audio = top.choice("audio", GatewayConfig.Audio.TONES, List.of(GatewayConfig.Audio.values()),
                a -> a.name().toLowerCase(Locale.ROOT));
        return new GatewayConfig(gateway, band, sensor, calibration, fullScale, plan, display, gpio, mqtt, file, dashboard,
                autostart, audio, StrengthSections.units(top.section("units")), StrengthSections.strength(top.section("strength")),
                bandId(top));
    }

    /** {@code band_id}: printable, no spaces, at most 64 characters (it becomes part of Home Assistant's ids). */
    private static java.util.Optional<String> bandId(YamlSection top) {
        String id = top.string("band_id", null);
        if (id != null && (id.isEmpty() || id.length() > 64 || !id.matches("[A-Za-z0-9:._-]+"))) {
            top.invalid("band_id", "'" + id + "' must be 1-64 letters, digits, ':', '.', '_' or '-' (a serial number "
                    + "or a label such as band-0042)");
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(id);
    }

    /** Names become MQTT topic levels: one without a letter or digit cannot (run would fail on it). */
    private static void topicLevel(YamlSection s, String key, String name) {
        try {
            org.isoband.gateway.mqtt.TopicNames.sanitize(name);
        } catch (IllegalArgumentException e) {
            s.invalid(key, "'" + name + "' has no letter or digit to name MQTT topics with: use a name like living-room");
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "gateway";
        }
    }

    /** Every sensor section is checked (a typo in one not in use is still reported); the chosen kind's is kept. */
    private static SensorConfig sensor(YamlSection s, Path base) {
        SensorConfig.Kind kind = s.choice("kind", SensorConfig.Kind.SIM, List.of(SensorConfig.Kind.values()),
                SensorConfig.Kind::yamlName);
        YamlSection sim = s.section("sim");
        Scenario scenario = sim.choice("scenario", Scenario.SESSION, List.of(Scenario.values()), Scenario::cliName);
        long seed = sim.integer("seed", 1, 0, Integer.MAX_VALUE);
        double speed = sim.number("speed", 1, 0.1, 1000);
        sim.finish();
        YamlSection replay = s.section("replay");
        Path file = replay.path("file", null, base, kind == SensorConfig.Kind.REPLAY);
        if (kind == SensorConfig.Kind.REPLAY && file == null) {
            replay.invalid("file", "sensor kind 'replay' needs replay.file: the recording to play");
        }
        replay.finish();
        YamlSection hx = s.section("hx711");
        SensorConfig.Hx711 hx711 = new SensorConfig.Hx711(hx.integer("dout", 5, 0, 27), hx.integer("sck", 6, 0, 27),
                hx.integer("gain", 128, 32, 128), hx.integer("rate_hz", 80, 10, 80));
        if (hx711.gain() != 128 && hx711.gain() != 64 && hx711.gain() != 32) {
            hx.invalid("gain", "must be 128, 64 or 32, found " + hx711.gain());
        }
        if (hx711.rateHz() != 10 && hx711.rateHz() != 80) {
            hx.invalid("rate_hz", "the HX711 runs at 10 or 80 Hz (its RATE pin), found " + hx711.rateHz());
        }
        if (hx711.doutPin() == hx711.sckPin()) {
            hx.invalid("sck", "dout and sck must be different pins");
        }
        hx.finish();
        YamlSection ads = s.section("ads1115");
        SensorConfig.Ads1115 ads1115 = new SensorConfig.Ads1115(ads.integer("bus", SensorConfig.Ads1115.DEFAULT_BUS, 0, 10),
                ads.integer("address", 0x48, 0x48, 0x4B), ads.integer("data_rate_sps", 128, 8, 860),
                ads.integer("rate_hz", 80, 1, 500), ads.numbers("table_raw", List.of(0.0, 32767.0)),
                ads.numbers("table_mm", List.of(0.0, 500.0)));
        if (ads1115.tableRaw().size() != ads1115.tableMm().size()) {
            ads.invalid("table_mm", "needs as many values as table_raw (" + ads1115.tableRaw().size() + "), found "
                    + ads1115.tableMm().size());
        }
        ads.finish();
        YamlSection b = s.section("ble");
        SensorConfig.Ble ble = new SensorConfig.Ble(b.string("device", ""),
                b.choice("profile", BleProfile.AUTO, List.of(BleProfile.values()), BleProfile::cliName),
                b.string("adapter", "hci0"));
        b.finish();
        s.finish();
        return switch (kind) {
            case SIM -> new SensorConfig.Sim(scenario, seed, speed);
            case REPLAY -> new SensorConfig.Replay(file, speed);
            case HX711 -> hx711;
            case ADS1115 -> ads1115;
            case BLE -> ble;
        };
    }

    private static Calibration calibration(YamlSection c) {
        double offset = c.number("offset_raw", 0, -1e12, 1e12);
        double scale = c.number("scale_n_per_raw", 1, -1e12, 1e12);
        double stiffness = c.number("band_stiffness_n_per_m", 150, 1, 100_000);
        if (scale == 0) {
            c.invalid("scale_n_per_raw", "must not be 0 (run 'isoband calibrate')");
            scale = 1;
        }
        c.finish();
        return new Calibration(offset, scale, stiffness);
    }

    private static TrainingPlan plan(YamlSection p) {
        TrainingPlan d = TrainingPlan.DEFAULT;
        List<String> legNames = p.strings("legs", List.of("right", "left"));
        List<Leg> legs = new ArrayList<>();
        for (String leg : legNames) {
            switch (leg.toLowerCase(Locale.ROOT)) {
                case "right" -> legs.add(Leg.RIGHT);
                case "left" -> legs.add(Leg.LEFT);
                default -> p.invalid("legs", "'" + leg + "' is not a leg (right or left)");
            }
        }
        List<String> angles = p.strings("angles", d.angles());
        int reps = p.integer("reps_per_angle", d.repsPerAngle(), 1, 20);
        double hold = p.number("hold_target_s", d.holdTargetS(), 1, 60);
        double restReps = p.number("rest_between_reps_s", d.restBetweenRepsS(), 0, 600);
        double restAngles = p.number("rest_between_angles_s", d.restBetweenAnglesS(), 0, 1800);
        double restLegs = p.number("rest_between_legs_s", d.restBetweenLegsS(), 0, 1800);
        int attempts = p.integer("max_attempts_per_rep", d.maxAttemptsPerRep(), 1, 10);
        double stop = p.number("stop_after_s", Math.max(d.stopAfterS(), 2 * hold), 2, 120);
        int weekly = p.integer("weekly_sessions", d.weeklySessions(), 1, 7);
        p.finish();
        try {
            return new TrainingPlan(legs.isEmpty() ? d.legs() : legs, angles, reps, hold, restReps, restAngles, restLegs,
                    attempts, stop, weekly);
        } catch (IllegalArgumentException e) {
            p.invalid("", e.getMessage());
            return d;
        }
    }

    private static GatewayConfig.Autostart autostart(YamlSection p) {
        GatewayConfig.Autostart.Mode mode = p.choice("autostart", GatewayConfig.Autostart.Mode.AUTO,
                List.of(GatewayConfig.Autostart.Mode.values()), m -> m.name().toLowerCase(Locale.ROOT));
        double after = p.number("autostart_after_s", 30, 0, 3600);
        return new GatewayConfig.Autostart(mode, after);
    }

    private static GatewayConfig.Display display(YamlSection d, Path base) {
        GatewayConfig.Display display = new GatewayConfig.Display(
                d.choice("output", DisplayOutput.AUTO, List.of(DisplayOutput.values()), DisplayOutput::yamlName),
                d.integer("width", 800, 320, 3840), d.integer("height", 480, 240, 2160),
                d.path("framebuffer", Path.of("/dev/fb0"), base, false),
                java.util.Optional.ofNullable(d.path("snapshot", null, base, false)),
                touch(d.section("touch"), base));
        Path snapshot = display.snapshot().orElse(null);
        if (snapshot != null && !Files.isDirectory(snapshot.toAbsolutePath().getParent())) {
            // The screen's PNG is replaced once a second: a missing folder would fail every second of the run.
            d.invalid("snapshot", "the folder " + snapshot.toAbsolutePath().getParent() + " does not exist: create it, "
                    + "or name a file in an existing folder");
        }
        d.finish();
        return display;
    }

    private static GatewayConfig.Touch touch(YamlSection t, Path base) {
        String device = t.string("device", "auto");
        boolean enabled = !device.equals("none");
        Optional<Path> path = device.equals("auto") || device.equals("none") ? Optional.empty()
                : Optional.of(t.path("device", null, base, false));
        int xMin = t.integer("x_min", 0, -100_000, 100_000);
        int xMax = t.integer("x_max", 799, -100_000, 100_000);
        int yMin = t.integer("y_min", 0, -100_000, 100_000);
        int yMax = t.integer("y_max", 479, -100_000, 100_000);
        int rotation = t.integer("rotation", 0, 0, 270);
        if (rotation % 90 != 0) {
            t.invalid("rotation", "must be 0, 90, 180 or 270, found " + rotation);
        }
        if (xMax <= xMin || yMax <= yMin) {
            t.invalid(xMax <= xMin ? "x_max" : "y_max", "must be larger than its minimum");
        }
        int bytes = t.integer("event_bytes", 0, 0, 24);
        if (bytes != 0 && bytes != 16 && bytes != 24) {
            t.invalid("event_bytes", "must be 24 (64-bit) or 16 (32-bit), found " + bytes);
        }
        t.finish();
        return new GatewayConfig.Touch(enabled, path, xMin, xMax, yMin, yMax, rotation, bytes);
    }

    private static GatewayConfig.Gpio gpio(YamlSection g) {
        GatewayConfig.Gpio gpio = new GatewayConfig.Gpio(g.integer("buzzer", -1, -1, 27), g.integer("led", -1, -1, 27),
                g.integer("button", -1, -1, 27));
        g.finish();
        return gpio;
    }

    private static GatewayConfig.Mqtt mqtt(YamlSection m, Path base, String gateway, SensorConfig.Kind sensorKind) {
        String url = m.string("url", "");
        boolean publishSimulated = m.bool("publish_simulated", false);
        boolean validUrl = !url.isEmpty();
        try {
            if (validUrl) {
                BrokerAddress.parse(url);
            }
        } catch (IllegalArgumentException e) {
            validUrl = false;
            m.invalid("url", e.getMessage());
        }
        if (validUrl && sensorKind == SensorConfig.Kind.SIM && !publishSimulated) {
            // The simulated athlete's reps would land in a real Home Assistant's history as if they were real.
            m.invalid("url", "the sensor is the simulated athlete (sensor.kind: sim): set the real sensor's kind, "
                    + "or mqtt.publish_simulated: true to publish simulated reps to " + url);
        }
        GatewayConfig.Mqtt mqtt = new GatewayConfig.Mqtt(url, m.string("username", null), m.string("password", null),
                m.path("ca_file", null, base, true), m.path("client_cert", null, base, true),
                m.path("client_key", null, base, true), m.string("client_id", "isoband-" + gateway),
                m.string("topic_prefix", "isoband"), m.number("force_rate_hz", 10, 0.1, 100),
                m.choice("protocol", MqttProtocol.V5, List.of(MqttProtocol.values()), MqttProtocol::setting),
                m.string("ha_status_topic", "homeassistant/status"));
        if (mqtt.haStatusTopic().isEmpty() || mqtt.haStatusTopic().matches(".*[+#\\s].*")) {
            m.invalid("ha_status_topic", "must be a topic without wildcards or spaces, found '" + mqtt.haStatusTopic() + "'");
        }
        String prefix = mqtt.topicPrefix();
        if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")
                || prefix.chars().anyMatch(c -> c == '+' || c == '#' || Character.isWhitespace(c))) {
            m.invalid("topic_prefix", "'" + prefix + "' must be topic levels separated by single slashes, without "
                    + "spaces, + or #: e.g. isoband or home/isoband");
        }
        if ((mqtt.clientCert() == null) != (mqtt.clientKey() == null)) {
            m.invalid(mqtt.clientCert() == null ? "client_key" : "client_cert",
                    "a client certificate needs both client_cert and client_key");
        }
        if (mqtt.caFile() != null && url.startsWith("tcp://")) {
            m.invalid("ca_file", "a CA file is for TLS: use an ssl:// url");
        }
        m.finish();
        return mqtt;
    }

    private static GatewayConfig.Dashboard dashboard(YamlSection d) {
        GatewayConfig.Dashboard dashboard = new GatewayConfig.Dashboard(d.string("bind", "127.0.0.1"),
                d.integer("port", 8080, 1, 65535), d.string("database", ""), d.string("token", null));
        String bindProblem = ListenAddress.problem(dashboard.bind());
        if (bindProblem != null) {
            d.invalid("bind", bindProblem);
        } else if (dashboard.token() == null && !ListenAddress.isLoopback(dashboard.bind())) {
            d.warn("bind", dashboard.bind() + " opens the dashboard to the network without a token: anyone there can "
                    + "read the history; set dashboard.token (e.g. the output of: openssl rand -hex 16)");
        }
        d.finish();
        return dashboard;
    }
}
