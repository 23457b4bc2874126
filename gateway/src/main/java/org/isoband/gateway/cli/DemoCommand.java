package org.isoband.gateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.isoband.core.coach.Leg;
import org.isoband.dashboard.Dashboard;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.dashboard.RunningDashboard;
import org.isoband.gateway.mqtt.EmbeddedBroker;
import org.isoband.gateway.mqtt.MqttConfig;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.coach.TrainingPlan;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.gateway.display.Display;
import org.isoband.gateway.display.DisplayChooser;
import org.isoband.gateway.display.DisplayControls;
import org.isoband.gateway.display.DisplayLoop;
import org.isoband.gateway.display.PngSnapshots;
import org.isoband.gateway.display.CoachScreen;
import org.isoband.gateway.display.TerminalScreen;
import org.isoband.gateway.audio.AudioCues;
import org.isoband.gateway.session.AthletePause;
import org.isoband.gateway.session.RepContext;
import org.isoband.gateway.session.SessionJournal;
import org.isoband.gateway.session.SessionObserver;
import org.isoband.gateway.session.SessionStart;
import org.isoband.core.coach.StrengthPlan;
import org.isoband.core.coach.StrengthSetup;
import org.isoband.core.unit.ForceUnit;
import java.time.LocalDate;
import org.isoband.gateway.session.TrainingSession;
import picocli.CommandLine.Command;
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
            "pulls, then 5 held reps in the target zone of 60-80 % of that maximum; some reps fail and",
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

    @Option(names = "--speed", defaultValue = "1", paramLabel = "N",
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

    @Option(names = "--dashboard-port", defaultValue = "0", paramLabel = "N",
            description = "port of the home dashboard on 127.0.0.1 (default: any free port)")
    int dashboardPort;

    @Option(names = "--no-dashboard", description = "do not start the home dashboard")
    boolean noDashboard;

    @Option(names = "--audio", defaultValue = "tones", paramLabel = "tones|voice|off",
            description = "the coach's sounds: tones, tones and spoken cues (espeak-ng), or off (default: ${DEFAULT-VALUE})")
    String audio;

    @Option(names = "--verbose", description = "debug logging")
    boolean verbose;

    static final String GATEWAY = "demo";
    static final String BAND = "demo-band";

    /** The simulator's session: 4 hip angles of 5 held reps, each leg. */
    static final TrainingPlan PLAN = new TrainingPlan(List.of(Leg.RIGHT, Leg.LEFT),
            List.of("closest to the torso", "high", "low", "almost on the floor"), 5, 6.0, 10, 14, 20, 3, 12.0, 3);

    @Override
    public Integer call() throws IOException, SQLException, InterruptedException {
        if (!(speed > 0 && speed <= 1000)) {
            throw new UserError("--speed must be between 0 and 1000, got " + speed);
        }
        LogSetup.configure(verbose);
        Scenario chosen;
        try {
            chosen = Scenario.fromCliName(scenario);
        } catch (IllegalArgumentException e) {
            throw new UserError("--scenario: " + e.getMessage());
        }
        AudioCues.Mode audioMode;
        try {
            audioMode = AudioCues.Mode.valueOf(audio.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--audio must be tones, voice or off, got '" + audio + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("isoband-demo-");
        SimulatedSource source = new SimulatedSource(new SimulatedSession(chosen, seed, SensorModel.loadCell(80)), speed);
        Tally tally = new Tally();
        CountDownLatch quit = new CountDownLatch(1);
        boolean console = System.console() != null;
        AudioCues sounds = new AudioCues(audioMode);
        sounds.start();
        // The simulated athlete pauses with the coach, as a real one would.
        List<SessionObserver> observers = new ArrayList<>(List.of(tally, sounds, new AthletePause(source::pause)));
        if (headless && !console) {
            observers.add(new CueLog(out));
        }
        try (EmbeddedBroker embedded = broker == null ? EmbeddedBroker.start() : null;
             SessionJournal journal = new SessionJournal(dir.resolve("gateway.db"), Clock.systemUTC())) {
            String url = broker != null ? broker : embedded.url();
            MqttLink mqtt = new MqttLink(MqttConfig.of(url, GATEWAY, List.of(BAND), dir.resolve("outbox.db")), BAND,
                    PLAN.holdTargetS(), source::nowNanos);
            observers.add(mqtt.observer());
            RunningDashboard dashboard = noDashboard ? null : Dashboard.start(DashboardSettings.defaults()
                    .withPort(dashboardPort).withDatabase(dir.resolve("dashboard.db").toString()).withBroker(url, null, null, "isoband"));
            out.printf(Locale.ROOT, "isoband demo: MQTT broker %s%s; dashboard %s%n", url, broker == null ? " (embedded)" : "",
                    dashboard == null ? "off" : dashboard.url());
            String id = journal.start(PlanPosition.START);
            TrainingSession session = new TrainingSession(source, DetectorConfig.DEFAULTS.withHoldTarget(PLAN.holdTargetS()),
                    new SessionStart(PLAN, PlanPosition.START, true, id).interactive().withStrength(strength(chosen)), journal,
                    observers, mqtt::status);
            DisplayControls controls = new DisplayControls(session::command, quit::countDown);
            Display display = headless
                    ? (console ? new TerminalScreen(System.out, true, controls, true) : null)
                    : DisplayChooser.choose("auto", 800, 480, Path.of("/dev/fb0"), controls);
            out.printf(Locale.ROOT, "isoband demo: %s at %sx speed; screen: %s%n", source.description().name(),
                    plain(speed), display == null ? "log lines" : display.describe());
            out.flush();
            Runnable logsBack = display instanceof TerminalScreen t ? LogSetup.intoView(t::log) : () -> { };
            if (display == null || !display.takesInput()) {
                session.autostart(3 / speed);     // nobody to close the summary: it goes after a few seconds
            }
            CountDownLatch cleanedUp = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                quit.countDown();
                try {
                    cleanedUp.await(5, TimeUnit.SECONDS);     // Ctrl-C: let the session end and say its summary
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "demo-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            session.start();
            try (DisplayLoop screen = display == null ? null : new DisplayLoop(display, session::screen, 25);
                 DisplayLoop png = snapshot == null ? null
                         : new DisplayLoop(new PngSnapshots(new CoachScreen(800, 480), snapshot), session::screen, 1)) {
                runUntilDone(session, quit);
            } finally {
                session.close();
                sounds.close();
                logsBack.run();
                mqtt.close();
                if (dashboard != null) {
                    dashboard.close();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running, which is how we got here
                }
            }
            out.printf(Locale.ROOT, "isoband demo: %d reps (%s); %d of %d held reps of the plan done%n", tally.reps.size(),
                    tally.summary(), session.position().held(), PLAN.totalReps());
            session.summary().lines().forEach(l -> out.println("  " + l));
            out.flush();
            cleanedUp.countDown();
        }
        return 0;
    }

    /**
     * The strength scenario's athlete tests the maximum at each leg and angle, then trains in the zone; its
     * rests after maximal pulls are the simulator's. Other scenarios train on time alone, as before.
     */
    static StrengthSetup strength(Scenario chosen) {
        if (chosen != Scenario.STRENGTH) {
            return StrengthSetup.off(LocalDate.now());
        }
        return new StrengthSetup(new StrengthPlan(true, 2, 4.0, Scenario.PULL_REST_S, 4, 60, 80), List.of(),
                LocalDate.now(), false, ForceUnit.N);
    }

    private void runUntilDone(TrainingSession session, CountDownLatch quit) throws InterruptedException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        long readNotice = System.nanoTime() + (long) (3e9 / speed);
        boolean acknowledged = false;
        while (!session.awaitEnd(100, TimeUnit.MILLISECONDS) && quit.getCount() > 0 && System.nanoTime() < deadline) {
            if (!acknowledged && System.nanoTime() >= readNotice) {
                session.acknowledgeSafetyNotice();   // the simulated athlete has read it
                acknowledged = true;
            }
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
