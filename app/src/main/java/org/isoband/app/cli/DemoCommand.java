package org.isoband.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.isoband.app.parts.DashboardPart;
import org.isoband.app.parts.EmbeddedBroker;
import org.isoband.core.coach.Leg;
import org.isoband.core.mqtt.MqttProtocol;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.coach.StrengthPlan;
import org.isoband.core.coach.StrengthSetup;
import org.isoband.core.coach.TrainingPlan;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.core.unit.ForceDisplay;
import org.isoband.core.unit.ForceUnit;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.device.sim.Scenario;
import org.isoband.gateway.config.ConfigLoader;
import org.isoband.gateway.config.DisplayOutput;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.config.SensorConfig;
import org.isoband.gateway.runtime.CueLog;
import org.isoband.gateway.runtime.Gateway;
import org.isoband.gateway.runtime.GatewayParts;
import org.isoband.gateway.runtime.Part;
import org.isoband.gateway.runtime.PartContext;
import org.isoband.gateway.runtime.Shutdown;
import org.isoband.gateway.session.AthletePause;
import org.isoband.gateway.session.RepContext;
import org.isoband.gateway.session.SessionObserver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband demo}: a simulated athlete trains with the coach and the display, with no setup at all. */
@Command(
        name = "demo",
        header = "Watch a simulated athlete train: coach, screen, MQTT broker and dashboard, no setup.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Watch a simulated athlete train: the simulator plays a person holding the band through",
            "the whole plan (right then left leg, 4 hip angles: first a maximum test of 2 maximal",
            "pulls, then 5 held reps in the target zone of 60-80 %% of that maximum; some reps fail and",
            "are repeated), the coach cues it and the display shows it - a window when there is a",
            "desktop, the terminal view otherwise, plain log lines with no terminal.",
            "",
            "An embedded MQTT broker starts on localhost (unless --broker is given), every rep is",
            "published on it, and the home dashboard starts too: its address is printed.",
            "",
            "Taps or clicks on the screen's buttons; keys (no Enter needed): space start/pause,",
            "s skip, e end the session (then y / n), q or Ctrl-C quit with the session's summary."
        },
        footer = {"", "Examples:", "  isoband demo", "  isoband demo --speed 10 --duration 2m --headless"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "N", converter = Ranges.Speed.class,
            description = "play N times faster than real time (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationOption.class,
            description = "stop cleanly after this long, e.g. 120s or 5m (default: when the plan is done)")
    Duration duration;

    @Option(names = "--headless", description = "open no window: the terminal view, or plain lines with no terminal")
    boolean headless;

    @Option(names = "--scenario", defaultValue = "strength", paramLabel = "NAME",
            description = "what the simulated athlete does (default: ${DEFAULT-VALUE}; see 'isoband simulate --help')")
    String scenario;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "random seed of the athlete (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--snapshot", paramLabel = "FILE.png", description = "also keep the screen in a PNG file, redrawn every second")
    Path snapshot;

    @Option(names = "--broker", paramLabel = "URL",
            description = "publish to this MQTT broker (tcp://host:1883) instead of starting an embedded one")
    String broker;

    @Option(names = "--dashboard-port", defaultValue = "0", paramLabel = "N", converter = Ranges.Port.class,
            description = "port of the home dashboard on 127.0.0.1 (default: any free port)")
    int dashboardPort;

    @Option(names = "--no-dashboard", description = "do not start the home dashboard")
    boolean noDashboard;

    @Option(names = "--audio", defaultValue = "tones", paramLabel = "tones|voice|off", converter = Ranges.Audio.class,
            description = "the coach's sounds: tones, tones and spoken cues (espeak-ng), or off (default: ${DEFAULT-VALUE})")
    GatewayConfig.Audio audio;

    @Mixin
    VerboseOption verbose;

    static final String GATEWAY = "demo";
    static final String BAND = "demo-band";

    /** The simulator's session: 4 hip angles of 5 held reps, each leg. */
    static final TrainingPlan PLAN = new TrainingPlan(List.of(Leg.RIGHT, Leg.LEFT),
            List.of("closest to the torso", "high", "low", "almost on the floor"), 5, 6.0, 10, 14, 20, 3, 12.0, 3);

    @Override
    public Integer call() throws Exception {
        verbose.configureLogging();
        if (broker != null) {
            try {
                org.isoband.gateway.config.BrokerAddress.parse(broker);
            } catch (IllegalArgumentException e) {
                throw new UserError("--broker: " + e.getMessage());
            }
        }
        Scenario chosen;
        try {
            chosen = Scenario.fromCliName(scenario);
        } catch (IllegalArgumentException e) {
            throw new UserError("--scenario: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("isoband-demo-");
        boolean console = System.console() != null;
        Optional<EmbeddedBroker> embedded = broker == null ? Optional.of(new EmbeddedBroker()) : Optional.empty();
        String url = embedded.map(EmbeddedBroker::url).orElse(broker);
        MqttProtocol protocol = embedded.map(EmbeddedBroker::protocol).orElse(MqttProtocol.V5);
        GatewayConfig cfg = preset(dir, url, protocol, new SensorConfig.Sim(chosen, seed, speed),
                headless ? (console ? DisplayOutput.TERMINAL : DisplayOutput.NONE) : DisplayOutput.AUTO,
                Optional.ofNullable(snapshot), audio, 3 / speed, strength(chosen).plan());
        // Home Assistant's gateway device links to the dashboard ("visit device").
        Optional<String> dashboardUrl = noDashboard ? Optional.empty()
                : Optional.of("http://127.0.0.1:" + dashboardPort + "/");
        GatewayParts standard = GatewayParts.of(cfg, dashboardUrl);
        Optional<DashboardPart> dashboard = noDashboard ? Optional.empty() : Optional.of(new DashboardPart(
                DashboardSettings.defaults().withPort(dashboardPort).withDatabase(dir.resolve("dashboard.db").toString())
                        .withBroker(url, null, null, "isoband").withProtocol(protocol)));
        Tally tally = new Tally();
        List<Part> parts = new ArrayList<>();
        embedded.ifPresent(parts::add);
        dashboard.ifPresent(parts::add);
        parts.add(Part.listening("rep tally", tally));
        Optional<CueLog> cueLog = headless && !console ? Optional.of(new CueLog(out)) : Optional.empty();
        cueLog.ifPresent(log -> parts.add(Part.listening("cue log", log)));
        parts.addAll(standard.list());
        parts.add(new LogsIntoView(standard.screen(), cueLog));
        parts.add(new ReadsTheSafetyNotice(Duration.ofNanos((long) (3e9 / speed))));
        try (Shutdown shutdown = Shutdown.onSignal("demo");
             Gateway gateway = Gateway.open(cfg, Gateway.StartingPoint.FRESH, shutdown)) {
            // The simulated athlete pauses with the coach, as a real one would.
            gateway.simulatedAthlete().ifPresent(athlete ->
                    parts.add(Part.listening("simulated athlete pausing with the coach", new AthletePause(athlete::pause))));
            parts.add(Part.onStart("announce", () -> {
                out.printf(Locale.ROOT, "isoband demo: MQTT broker %s%s; dashboard %s%n", url,
                        embedded.isPresent() ? " (embedded)" : "", dashboard.map(DashboardPart::url).orElse("off"));
                out.printf(Locale.ROOT, "isoband demo: %s at %sx speed; screen: %s%n", gateway.sourceName(), plain(speed),
                        standard.screen().showing() ? standard.screen().describe() : "log lines");
                out.flush();
            }));
            PlanPosition end = gateway.run(parts, Optional.ofNullable(duration));
            out.printf(Locale.ROOT, "isoband demo: %d reps (%s); %d of %d held reps of the plan done%n", tally.reps.size(),
                    tally.summary(), end.held(), PLAN.totalReps());
            // Before the shutdown closes: Ctrl-C, like q, ends with the session's summary.
            gateway.summary().lines().forEach(l -> out.println("  " + l));
            out.flush();
        }
        return 0;
    }

    /**
     * The strength scenario's athlete tests the maximum at each leg and angle, then trains in the zone; its
     * rests after maximal pulls are the simulator's. Other scenarios train on time alone, as before. (The
     * demo's journal is new, so no maximum is known: every position is tested.)
     */
    static StrengthSetup strength(Scenario chosen) {
        if (chosen != Scenario.STRENGTH) {
            return StrengthSetup.off(LocalDate.now());
        }
        return new StrengthSetup(new StrengthPlan(true, 2, 4.0, Scenario.PULL_REST_S, 4, 60, 80), List.of(),
                LocalDate.now(), false, ForceUnit.N);
    }

    /**
     * The demo's configuration: the simulated athlete, the plan above, everything kept in {@code dir}. With no
     * input to begin with (no window, no terminal), the plan starts by itself after {@code autostartS}, and the
     * summary goes after as long: nobody is there to tap it.
     */
    private static GatewayConfig preset(Path dir, String brokerUrl, MqttProtocol protocol, SensorConfig.Sim sensor,
                                        DisplayOutput output,
                                        Optional<Path> snapshot, GatewayConfig.Audio audio, double autostartS,
                                        StrengthPlan strength) {
        GatewayConfig d = ConfigLoader.defaults();
        GatewayConfig.Mqtt m = d.mqtt();
        GatewayConfig.Display screen = d.display();
        return new GatewayConfig(GATEWAY, BAND, sensor, d.calibration(), d.fullScaleN(), PLAN,
                new GatewayConfig.Display(output, screen.width(), screen.height(), screen.framebuffer(), snapshot, screen.touch()),
                d.gpio(), new GatewayConfig.Mqtt(brokerUrl, null, null, null, null, null, "isoband-" + GATEWAY,
                        m.topicPrefix(), m.forceRateHz(), protocol, m.haStatusTopic()), dir.resolve("gateway.db"),
                d.dashboard(), new GatewayConfig.Autostart(GatewayConfig.Autostart.Mode.AUTO, autostartS), audio,
                ForceDisplay.NEWTONS, strength, Optional.empty());
    }

    /** The simulated athlete reads the safety notice, a few (simulated) seconds after it shows. */
    private static final class ReadsTheSafetyNotice implements Part {
        private final Duration after;
        private Thread reader;

        ReadsTheSafetyNotice(Duration after) {
            this.after = after;
        }

        @Override
        public String name() {
            return "simulated athlete reading the safety notice";
        }

        @Override
        public void start(PartContext context) {
            reader = new Thread(() -> {
                try {
                    Thread.sleep(after.toMillis());
                    context.acknowledgeSafetyNotice();
                } catch (InterruptedException stopped) {
                    // the demo ended first
                }
            }, "demo-athlete");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void stop() {
            reader.interrupt();
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Counts the reps by verdict for the closing line. */
    private static final class Tally implements SessionObserver {
        final List<RepEvent> reps = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void rep(RepEvent rep, RepContext where) {
            reps.add(rep);
        }

        String summary() {
            StringBuilder sb = new StringBuilder();
            for (Verdict v : Verdict.values()) {
                long n = reps.stream().filter(r -> r.verdict() == v).count();
                if (n > 0) {
                    sb.append(sb.length() > 0 ? ", " : "").append(n).append(' ').append(v.name().toLowerCase(Locale.ROOT));
                }
            }
            return sb.length() == 0 ? "none yet" : sb.toString();
        }
    }
}
