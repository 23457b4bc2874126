package org.isoband.gateway.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.pi4j.context.Context;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.PlanPosition;
import org.isoband.device.gpio.GpioUnavailableException;
import org.isoband.device.gpio.Pi4jButton;
import org.isoband.device.gpio.Pi4jOutputs;
import org.isoband.device.gpio.Pi4jPins;
import org.isoband.gateway.mqtt.MqttConfig;
import org.isoband.gateway.session.GpioFeedback;
import org.isoband.core.coach.TrainingPlan;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.device.source.SampleSource;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.display.Display;
import org.isoband.gateway.display.DisplayChooser;
import org.isoband.gateway.display.DisplayControls;
import org.isoband.gateway.display.DisplayLoop;
import org.isoband.gateway.display.PngSnapshots;
import org.isoband.gateway.display.TerminalScreen;
import org.isoband.gateway.audio.AudioCues;
import org.isoband.gateway.display.CoachScreen;
import org.isoband.gateway.session.SavedSession;
import org.isoband.gateway.session.SessionJournal;
import org.isoband.gateway.session.SessionObserver;
import org.isoband.gateway.session.SessionStart;
import org.isoband.core.coach.StrengthPlan;
import org.isoband.core.coach.StrengthSetup;
import java.time.LocalDate;
import org.isoband.gateway.session.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband run}: the real gateway: the sensor from the configuration, the coach, the display, MQTT. */
@Command(
        name = "run",
        header = "Run the trainer: the configured sensor, the coach, the screen and MQTT.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the trainer: the sensor named in the configuration, the coach, the display and MQTT.",
            "A session that was cut off (a crash, a power cut) within the last 12 hours is offered for",
            "resuming where the athlete was. A bad configuration file is refused with every problem",
            "listed (exit code 2)."
        },
        footer = {"", "Example:", "  isoband run --config ~/.config/isoband/isoband.yaml"})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration RESUME_WITHIN = Duration.ofHours(12);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the configuration file (default: ~/.config/isoband/isoband.yaml if it exists, else all defaults)")
    Path config;

    @Option(names = "--resume", description = "resume the last unfinished session without asking")
    boolean resume;

    @Option(names = "--new", description = "start a new session even if one was cut off")
    boolean fresh;

    @Option(names = "--max-test", description = "test the maximum of every leg and angle in this session, due or not")
    boolean maxTest;

    @Option(names = "--verbose", description = "debug logging")
    boolean verbose;

    @Override
    public Integer call() throws SQLException, InterruptedException {
        LogSetup.configure(verbose);
        GatewayConfig cfg = loadConfig();
        if (cfg == null) {
            return UserErrorHandler.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch quit = new CountDownLatch(1);
        try (SessionJournal journal = new SessionJournal(cfg.storage(), Clock.systemUTC())) {
            TrainingPlan plan = cfg.plan();
            SampleSource source = SourceFactory.open(cfg);
            PlanPosition start = startingPoint(journal, out);
            String id = journal.start(start);
            List<SessionObserver> observers = new ArrayList<>();
            CueLog cueLog = new CueLog(out);
            observers.add(cueLog);
            AudioCues audio = new AudioCues(AudioCues.Mode.valueOf(cfg.audio().name()));
            audio.start();
            observers.add(audio);
            MqttLink mqtt = mqtt(cfg, plan.holdTargetS(), source::nowNanos);
            if (mqtt != null) {
                observers.add(mqtt.observer());
            }
            TrainingSession[] sessionRef = new TrainingSession[1];
            GpioFeedback feedback = feedback(cfg.gpio(), c -> sessionRef[0].command(c));
            if (feedback != null) {
                observers.add(feedback);
            }
            TrainingSession session = new TrainingSession(source,
                    DetectorConfig.DEFAULTS.withHoldTarget(plan.holdTargetS()).withFullScale(cfg.fullScaleN()),
                    new SessionStart(plan, start, !journal.safetyNoticeRead(), id).interactive().withStrength(new StrengthSetup(
                            strength(cfg), journal.maxima(), LocalDate.now(), maxTest, cfg.units().unit())), journal, observers,
                    mqtt == null ? () -> "off" : mqtt::status);
            sessionRef[0] = session;
            DisplayControls controls = new DisplayControls(session::command, quit::countDown);
            GatewayConfig.Display d = cfg.display();
            Display display = DisplayChooser.choose(d.output(), d.width(), d.height(), d.framebuffer(), controls, d.touch());
            LOG.info(String.format(Locale.ROOT, "gateway %s, band %s: %s; screen: %s; audio: %s", cfg.gateway(), cfg.band(),
                    source.description().name(), display == null ? "none" : display.describe(), audio.describe()));
            boolean input = (display != null && display.takesInput()) || (feedback != null && feedback.hasButton());
            autostart(cfg.autostart(), input, session);
            Runnable logsBack = display instanceof TerminalScreen t ? LogSetup.intoView(t::log) : () -> { };
            cueLog.mute(display instanceof TerminalScreen t && t.takesInput());
            CountDownLatch cleanedUp = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                quit.countDown();
                try {
                    cleanedUp.await(5, TimeUnit.SECONDS);     // Ctrl-C: let the session end and say its summary
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "run-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            session.start();
            try (DisplayLoop screen = display == null ? null : new DisplayLoop(display, session::screen, 25);
                 DisplayLoop png = d.snapshot() == null ? null
                         : new DisplayLoop(new PngSnapshots(new CoachScreen(d.width(), d.height()), d.snapshot()), session::screen, 1)) {
                while (!session.awaitEnd(200, TimeUnit.MILLISECONDS) && quit.getCount() > 0) {
                    // the session ends when the plan is done, the source stops, or on q / Ctrl-C
                }
            } finally {
                session.close();
                audio.close();
                logsBack.run();
                if (mqtt != null) {
                    mqtt.close();
                }
                if (feedback != null) {
                    feedback.close();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is what brought us here
                }
            }
            out.printf(Locale.ROOT, "isoband run: %d of %d held reps of the plan done%n", session.position().held(),
                    plan.totalReps());
            session.summary().lines().forEach(l -> out.println("  " + l));
            out.flush();
            cleanedUp.countDown();
        }
        return 0;
    }

    /** plan.autostart: never require an input the gateway may not have. */
    private static void autostart(GatewayConfig.Autostart autostart, boolean input, TrainingSession session) {
        boolean on = autostart.mode() == GatewayConfig.Autostart.Mode.ON
                || (autostart.mode() == GatewayConfig.Autostart.Mode.AUTO && !input);
        if (on) {
            LOG.info(String.format(Locale.ROOT, "%sthe plan starts by itself %.0f s after the notice (plan.autostart)",
                    input ? "" : "no touchscreen, keyboard or button: ", autostart.afterS()));
            session.autostart(autostart.afterS());
        }
    }

    /** The MQTT side when the configuration names a broker; its outbox lives in the gateway's SQLite file. */
    private static MqttLink mqtt(GatewayConfig cfg, double holdTargetS, java.util.function.LongSupplier sampleNanos) {
        GatewayConfig.Mqtt m = cfg.mqtt();
        if (m.url().isEmpty()) {
            return null;
        }
        MqttConfig config = MqttConfig.of(m.url(), cfg.gateway(), List.of(cfg.band()), cfg.storage())
                .withCredentials(m.username(), m.password())
                .withTls(m.caFile(), m.clientCert(), m.clientKey())
                .withClientId(m.clientId())
                .withTopicPrefix(m.topicPrefix())
                .withForceRate(m.forceRateHz());
        return new MqttLink(config, cfg.band(), holdTargetS, sampleNanos);
    }

    /** Buzzer, LED and button on the configured pins; none when no pin is set or GPIO is not there. */
    private static GpioFeedback feedback(GatewayConfig.Gpio gpio, java.util.function.Consumer<AthleteCommand> commands) {
        if (gpio.buzzer() < 0 && gpio.led() < 0 && gpio.button() < 0) {
            return null;
        }
        try {
            Context pi4j = Pi4jPins.onPi();
            return new GpioFeedback(gpio.buzzer() >= 0 ? Pi4jOutputs.buzzer(pi4j, gpio.buzzer()) : null,
                    gpio.led() >= 0 ? Pi4jOutputs.led(pi4j, gpio.led()) : null,
                    gpio.button() >= 0 ? Pi4jButton.open(pi4j, gpio.button(), Pi4jButton.DEFAULT_DEBOUNCE) : null,
                    commands);
        } catch (GpioUnavailableException e) {
            LOG.warn("no buzzer, LED or button: " + e.getMessage());
            return null;
        }
    }

    private GatewayConfig loadConfig() {
        return ConfigFile.loadOrReport(config, spec);
    }

    /** A new session, or the one that was cut off, as the athlete wants. */
    private PlanPosition startingPoint(SessionJournal journal, PrintWriter out) throws SQLException {
        if (fresh) {
            return PlanPosition.START;
        }
        Optional<SavedSession> saved = journal.unfinished(Instant.now().minus(RESUME_WITHIN));
        if (saved.isEmpty()) {
            return PlanPosition.START;
        }
        PlanPosition p = saved.get().position();
        String where = String.format(Locale.ROOT, "leg %d, angle %d, rep %d (%d reps held), last saved %s",
                p.legIndex() + 1, p.angleIndex() + 1, p.rep(), p.held(), saved.get().updated());
        if (resume || System.console() == null) {
            out.println("isoband run: resuming the session that was cut off: " + where);
            return p;
        }
        out.print("A session was cut off (" + where + "). Resume it? [Y/n] ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer == null || answer.isBlank() || answer.trim().toLowerCase(Locale.ROOT).startsWith("y") ? p : PlanPosition.START;
        } catch (IOException e) {
            return p;
        }
    }

    /**
     * The configured strength plan; a simulated athlete only makes maximal pulls in its strength scenario (it
     * follows a script, not the coach), so with the others the maximum test is left out.
     */
    static StrengthPlan strength(GatewayConfig cfg) {
        StrengthPlan p = cfg.strength();
        if ("sim".equals(cfg.sensor().kind()) && !"strength".equals(cfg.sensor().scenario())) {
            return new StrengthPlan(false, p.pullsPerPosition(), p.pullS(), p.restBetweenPullsS(), p.retestEveryWeeks(),
                    p.zoneLowPct(), p.zoneHighPct());
        }
        return p;
    }
}
