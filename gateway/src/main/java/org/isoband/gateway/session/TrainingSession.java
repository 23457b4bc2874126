package org.isoband.gateway.session;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.CoachView;
import org.isoband.core.coach.SessionSummary;
import org.isoband.core.coach.Cue;
import org.isoband.core.coach.CueKind;
import org.isoband.core.coach.Maximum;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.coach.RepZone;
import org.isoband.core.coach.StrengthCoach;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.DetectorListener;
import org.isoband.core.detect.HoldDetector;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.device.source.BatteryLevel;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SampleSource;
import org.isoband.gateway.display.ForceHistory;
import org.isoband.gateway.display.ScreenModel;

/**
 * One training session on the gateway: samples from the source go, through a bounded hand-off, to one loop
 * thread that owns the detector and the coach (so neither needs locks), saves the coach's position in the
 * journal after every rep, tells the observers (MQTT, buzzer, logs) and keeps the latest screen model for
 * the display thread. The sensor thread never waits: when the loop falls behind, samples are dropped and
 * counted.
 */
public final class TrainingSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);
    private static final int QUEUE_CAPACITY = 16_384;
    private static final long TICK_NANOS = 20_000_000L;

    private final SampleSource source;
    private final StrengthCoach coach;
    private final org.isoband.core.unit.ForceUnit unit;
    private final HoldDetector detector;
    private final SessionJournal journal;
    private final String sessionId;
    private final List<SessionObserver> observers;
    private final Supplier<String> brokerStatus;
    private final ForceHistory history = new ForceHistory(8192);
    private final BlockingQueue<long[]> samples = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ConcurrentLinkedQueue<Runnable> control = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ScreenModel> screen = new AtomicReference<>();
    private final AtomicLong droppedByLoop = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running;
    private volatile LinkState link = LinkState.CONNECTING;
    /** The sensor's last battery report, for the screen; empty until (unless) it sends one. */
    private Optional<BatteryLevel> battery = Optional.empty();
    private Thread loop;
    private long originNanos = Long.MIN_VALUE;
    private boolean rebaselineDue;
    private boolean safetyNoticeSaved;
    private final boolean holdSummary;
    private volatile SessionSummary summary;

    /**
     * @param journal      where progress is saved; null for none (tests, analyze-only runs)
     * @param brokerStatus the MQTT link in words, for the screen
     */
    public TrainingSession(SampleSource source, DetectorConfig detectorConfig, SessionStart start, SessionJournal journal,
                           List<SessionObserver> observers, Supplier<String> brokerStatus) {
        this.source = Objects.requireNonNull(source, "source");
        this.coach = new StrengthCoach(start.plan(), start.strength(), start.position(), start.safetyNotice(),
                start.beginScreen(), this::cue, this::maximum);
        this.holdSummary = start.holdSummary();
        this.unit = start.strength().unit();
        this.journal = journal;
        this.sessionId = start.sessionId();
        this.observers = List.copyOf(observers);
        this.brokerStatus = brokerStatus;
        this.detector = new HoldDetector(detectorConfig, new DetectorListener() {
            @Override
            public void onRep(RepEvent rep) {
                handleRep(rep);
            }

            @Override
            public void onPhase(Phase from, Phase to, long tNanos) {
                coach.onPhase(from, to, tNanos);
                RepContext where = where();
                observers.forEach(o -> o.phase(from, to, detector.state(), where));
            }
        });
    }

    /** Starts the loop and the source. */
    public void start() {
        running = true;
        loop = new Thread(this::run, "session-loop");
        loop.start();
        control.add(() -> coach.start(source.nowNanos()));
        source.start(new SampleSink() {
            @Override
            public void sample(long tNanos, double newtons) {
                if (!samples.offer(new long[] {tNanos, Double.doubleToRawLongBits(newtons)})) {
                    droppedByLoop.incrementAndGet();
                }
            }

            @Override
            public void linkState(LinkState state, String detail) {
                control.add(() -> linkChanged(state, detail));
            }

            @Override
            public void battery(BatteryLevel level) {
                control.add(() -> {
                    battery = Optional.of(level);
                    observers.forEach(o -> o.battery(level));
                });
            }
        });
    }

    /** The button or a key; safe from any thread. */
    public void command(AthleteCommand command) {
        control.add(() -> coach.onCommand(command, source.nowNanos()));
    }

    /** Acknowledges the safety notice and begins, if not yet done (a demo's simulated athlete reads it too). */
    public void acknowledgeSafetyNotice() {
        control.add(() -> {
            if (coach.state() == CoachState.SAFETY_NOTICE || coach.state() == CoachState.BEGIN) {
                coach.onCommand(AthleteCommand.BEGIN, source.nowNanos());
            }
        });
    }

    /**
     * With no input to begin with (no touch, keys or button), the plan starts once the notice or the Begin
     * screen has been shown for {@code afterS} seconds.
     */
    public void autostart(double afterS) {
        control.add(() -> coach.autostart(afterS, source.nowNanos()));
    }

    /** What the session came to, as of the last tick. */
    public SessionSummary summary() {
        SessionSummary s = summary;
        return s != null ? s : coach.summary();
    }

    /** The latest screen, for the display thread (null before the first tick). */
    public ScreenModel screen() {
        return screen.get();
    }

    /** Samples the loop could not keep up with (should stay 0). */
    public long droppedSamples() {
        return droppedByLoop.get();
    }

    public PlanPosition position() {
        return coach.position();
    }

    /** Waits until the plan is done, the source has stopped, or {@code timeout} passes. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    private void run() {
        long nextTick = 0;
        try {
            while (running) {
                long[] s = samples.poll(10, TimeUnit.MILLISECONDS);
                while (s != null) {
                    accept(s[0], Double.longBitsToDouble(s[1]));
                    s = samples.poll();
                }
                Runnable r;
                while ((r = control.poll()) != null) {
                    r.run();
                }
                long now = System.nanoTime();
                if (now >= nextTick) {
                    nextTick = now + TICK_NANOS;
                    tick();
                }
                if ((coach.state() == CoachState.DONE && (!holdSummary || coach.summaryDismissed()))
                        || (link == LinkState.STOPPED && coach.state() != CoachState.DONE)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            detector.finish();
            tick();
            observers.forEach(o -> o.ended(coach.position()));
            finished.countDown();
        }
    }

    private void accept(long tNanos, double newtons) {
        if (originNanos == Long.MIN_VALUE) {
            originNanos = tNanos;
            long sinceJvmStart = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("first sample processed, " + sinceJvmStart + " ms after the program started");
        }
        detector.accept(tNanos, newtons);
        coach.onSample(tNanos, newtons);
        history.add((tNanos - originNanos) / 1e9, newtons);
        observers.forEach(o -> o.sample(tNanos, newtons));
    }

    private void tick() {
        long now = source.nowNanos();
        coach.onTick(detector.state(), now);
        CoachView view = coach.view(now);
        summary = view.summary();
        screen.set(new ScreenModel(view, detector.state(), history.lastSeconds(10), link, brokerStatus.get(), unit)
                .withBattery(battery));
    }

    private void linkChanged(LinkState state, String detail) {
        LinkState previous = link;
        link = state;
        if (state == LinkState.LOST && previous == LinkState.STREAMING) {
            LOG.warn("sensor link lost: " + detail);
            detector.linkLost(source.nowNanos());
        } else if (state == LinkState.STREAMING && previous == LinkState.LOST) {
            LOG.info("sensor link back: " + detail);
        } else if (state == LinkState.STOPPED && !detail.isEmpty()) {
            LOG.warn("sensor stopped: " + detail);
        }
        observers.forEach(o -> o.link(state, detail));
    }

    private RepContext where() {
        return where(null);
    }

    private RepContext where(RepZone zone) {
        PlanPosition p = coach.position();
        return new RepContext(sessionId, p.leg(coach.plan()), p.angleIndex(), p.angleName(coach.plan()), p.rep(),
                p.attempt(), coach.plan().holdTargetS(), coach.plan().repsPerAngle(), zone);
    }

    private void handleRep(RepEvent rep) {
        if (coach.testing()) {
            // a maximal pull of the maximum test, not a rep of the plan: its result comes as a maximum
            coach.onRep(rep, source.nowNanos());
            return;
        }
        RepContext where = where(coach.finishZone(rep));
        observers.forEach(o -> o.rep(rep, where));
        coach.onRep(rep, source.nowNanos());
        save();
    }

    private void maximum(Maximum m) {
        if (journal != null) {
            try {
                journal.saveMaximum(m);
            } catch (SQLException e) {
                LOG.error("cannot keep the maximum (the session goes on with it): " + e.getMessage());
            }
        }
        RepContext where = where();
        observers.forEach(o -> o.maximum(m, where));
    }

    /** Cues go to the observers; a new angle or leg means a new rest tension, learnt when the rest ends. */
    private void cue(Cue cue) {
        if (cue.kind() == CueKind.GET_READY && !safetyNoticeSaved) {
            safetyNoticeSaved = true;
            markSafetyNoticeRead();
        }
        if (cue.kind() == CueKind.NEXT_ANGLE || cue.kind() == CueKind.SWITCH_LEG) {
            rebaselineDue = true;
        } else if (cue.kind() == CueKind.GET_READY && rebaselineDue) {
            rebaselineDue = false;
            detector.rebaseline();
        }
        observers.forEach(o -> o.cue(cue));
    }

    private void markSafetyNoticeRead() {
        if (journal == null) {
            return;
        }
        try {
            journal.markSafetyNoticeRead();
        } catch (SQLException e) {
            LOG.warn("cannot remember that the safety notice was read: " + e.getMessage());
        }
    }

    private void save() {
        if (journal == null) {
            return;
        }
        try {
            journal.save(sessionId, coach.position());
        } catch (SQLException e) {
            LOG.error("cannot save the session's progress (the session goes on): " + e.getMessage());
        }
    }

    /** Stops the source and the loop; the detector judges a rep in progress on what it saw. */
    @Override
    public void close() {
        source.stop();
        running = false;
        if (loop != null) {
            try {
                loop.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        source.close();
    }
}
