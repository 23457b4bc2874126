package org.isoband.gateway.runtime;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.Cue;
import org.isoband.core.coach.Maximum;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.coach.SessionSummary;
import org.isoband.core.coach.StrengthPlan;
import org.isoband.core.coach.StrengthSetup;
import org.isoband.core.coach.TrainingPlan;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.device.source.BatteryLevel;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSource;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.config.SensorConfig;
import org.isoband.gateway.display.ScreenModel;
import org.isoband.gateway.mqtt.SampleClock;
import org.isoband.gateway.session.RepContext;
import org.isoband.gateway.session.SessionJournal;
import org.isoband.gateway.session.SessionObserver;
import org.isoband.gateway.session.SessionStart;
import org.isoband.gateway.session.TrainingSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway, built from the configuration: it owns the source, the journal, the training session
 * and the parts around it (MQTT, screen, buzzer, logs; the demo adds its broker and dashboard). {@link #run}
 * starts the parts in order, then the session; waits for the end of the plan, the source, a stop request
 * or the time limit; then stops the session and the parts in reverse order. {@code run}, {@code demo} and
 * the tests start the gateway this one way.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** How often the wait for the end looks at the session. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final GatewayConfig config;
    private final SessionJournal journal;
    private final SampleSource source;
    private final SampleClock sampleClock;
    private final TrainingSession session;
    private final Shutdown shutdown;
    private final List<SessionObserver> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Supplier<String>> brokerStatus = new AtomicReference<>(() -> "off");

    /** Where a new session starts: the plan's beginning, or a session that was cut off (the journal knows). */
    @FunctionalInterface
    public interface StartingPoint {
        PlanPosition choose(SessionJournal journal) throws SQLException;

        StartingPoint FRESH = journal -> PlanPosition.START;
    }

    /** The maximum test: when the plan says it is due ({@code strength.retest_every_weeks}), or now ({@code run --max-test}). */
    public enum MaxTest { WHEN_DUE, NOW }

    private Gateway(GatewayConfig config, SessionJournal journal, SampleSource source, PlanPosition from,
                    Shutdown shutdown, MaxTest maxTest) throws SQLException {
        this.config = config;
        this.journal = journal;
        this.source = source;
        this.sampleClock = SampleClock.paced(Clock.systemUTC(), source::nowNanos, source.speed());
        this.shutdown = shutdown;
        TrainingPlan plan = config.plan();
        String id = journal.start(from);
        this.session = new TrainingSession(source,
                DetectorConfig.DEFAULTS.withHoldTarget(plan.holdTargetS()).withFullScale(config.fullScaleN()),
                new SessionStart(plan, from, !journal.safetyNoticeRead(), id).interactive().withStrength(new StrengthSetup(
                        strength(config), journal.maxima(), LocalDate.now(), maxTest == MaxTest.NOW, config.units().unit())),
                journal, List.of(new FanOut()),
                () -> brokerStatus.get().get());
    }

    /**
     * Opens the journal (the configuration's storage file) and the configured sensor, and prepares the session
     * from {@code from}. A sensor that cannot be opened is a {@link SensorUnavailableException}.
     */
    public static Gateway open(GatewayConfig config, StartingPoint from, Shutdown shutdown) throws SQLException {
        return open(config, from, shutdown, MaxTest.WHEN_DUE);
    }

    /** As {@link #open(GatewayConfig, StartingPoint, Shutdown)}, with the maximum test now or when due. */
    public static Gateway open(GatewayConfig config, StartingPoint from, Shutdown shutdown, MaxTest maxTest)
            throws SQLException {
        SessionJournal journal = new SessionJournal(config.storage(), Clock.systemUTC());
        SampleSource source;
        try {
            source = SourceFactory.open(config);
        } catch (RuntimeException e) {
            closeAfter(journal, e);
            throw e;
        }
        try {
            return new Gateway(config, journal, source, from.choose(journal), shutdown, maxTest);
        } catch (SQLException | RuntimeException e) {
            source.close();
            closeAfter(journal, e);
            throw e;
        }
    }

    private static void closeAfter(SessionJournal journal, Exception failure) {
        try {
            journal.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    public GatewayConfig config() {
        return config;
    }

    /** The source's name and what it is ("simulated athlete (session, seed 1)"). */
    public String sourceName() {
        return source.description().name();
    }

    /**
     * Runs the session with {@code parts} until the plan is done, the source stops, a stop is requested or
     * {@code limit} passes; everything is stopped when this returns (or throws).
     */
    public PlanPosition run(List<? extends Part> parts, Optional<Duration> limit) throws Exception {
        Parts running;
        try {
            running = Parts.start(parts, new Context());
        } catch (Exception e) {
            source.close();                  // never started: nothing else holds it
            throw e;
        }
        try {
            autostart(parts.stream().anyMatch(Part::takesInput));
            session.start();
            shutdown.await(limit, timeout -> session.awaitEnd(timeout.toMillis(), TimeUnit.MILLISECONDS), POLL);
        } finally {
            session.close();
            running.stop();
        }
        return session.position();
    }

    /**
     * {@code plan.autostart}: never require an input the gateway may not have. AUTO starts the plan by itself
     * only when no started part takes input (no screen with touch or keys, no button); decided here, where
     * the parts are known.
     */
    private void autostart(boolean input) {
        GatewayConfig.Autostart autostart = config.autostart();
        boolean on = switch (autostart.mode()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> !input;
        };
        if (on) {
            LOG.info(String.format(Locale.ROOT, "%sthe plan starts by itself %.0f s after the notice (plan.autostart)",
                    input ? "" : "no touchscreen, keyboard or button: ", autostart.afterS()));
            session.autostart(autostart.afterS());
        }
    }

    /** What the session came to (held / tried per leg and angle, longest hold, next time), as of now. */
    public SessionSummary summary() {
        return session.summary();
    }

    /**
     * The configured strength plan; a simulated athlete only makes maximal pulls in its strength scenario (it
     * follows a script, not the coach), so with the others the maximum test is left out.
     */
    static StrengthPlan strength(GatewayConfig cfg) {
        StrengthPlan p = cfg.strength();
        if (cfg.sensor() instanceof SensorConfig.Sim sim && sim.scenario() != Scenario.STRENGTH) {
            return new StrengthPlan(false, p.pullsPerPosition(), p.pullS(), p.restBetweenPullsS(), p.retestEveryWeeks(),
                    p.zoneLowPct(), p.zoneHighPct());
        }
        return p;
    }

    /** The simulated athlete, when that is the source (the demo makes it pause with the coach). */
    public Optional<SimulatedSource> simulatedAthlete() {
        return source instanceof SimulatedSource sim ? Optional.of(sim) : Optional.empty();
    }

    /** Closes the journal; the session and the parts were stopped by {@link #run}. */
    @Override
    public void close() throws SQLException {
        journal.close();
    }

    /** What the parts see: the session, the shutdown and the listeners registered so far. */
    private final class Context implements PartContext {
        @Override
        public void listen(SessionObserver observer) {
            listeners.add(observer);
        }

        @Override
        public void command(AthleteCommand command) {
            session.command(command);
        }

        @Override
        public void acknowledgeSafetyNotice() {
            session.acknowledgeSafetyNotice();
        }

        @Override
        public Supplier<ScreenModel> screens() {
            return session::screen;
        }

        @Override
        public SampleClock sampleClock() {
            return sampleClock;
        }

        @Override
        public void brokerStatus(Supplier<String> status) {
            brokerStatus.set(status);
        }

        @Override
        public void quit() {
            shutdown.request();
        }
    }

    /** The session's one observer: passes everything on to the parts' listeners, in the order they started. */
    private final class FanOut implements SessionObserver {
        @Override
        public void sample(long tNanos, double newtons) {
            for (SessionObserver o : listeners) {
                o.sample(tNanos, newtons);
            }
        }

        @Override
        public void phase(Phase from, Phase to, HoldState live, RepContext where) {
            listeners.forEach(o -> o.phase(from, to, live, where));
        }

        @Override
        public void rep(RepEvent rep, RepContext where) {
            listeners.forEach(o -> o.rep(rep, where));
        }

        @Override
        public void cue(Cue cue) {
            listeners.forEach(o -> o.cue(cue));
        }

        @Override
        public void link(LinkState state, String detail) {
            listeners.forEach(o -> o.link(state, detail));
        }

        @Override
        public void battery(BatteryLevel level) {
            listeners.forEach(o -> o.battery(level));
        }

        @Override
        public void ended(PlanPosition position) {
            listeners.forEach(o -> o.ended(position));
        }

        @Override
        public void maximum(Maximum maximum, RepContext where) {
            listeners.forEach(o -> o.maximum(maximum, where));
        }
    }
}
