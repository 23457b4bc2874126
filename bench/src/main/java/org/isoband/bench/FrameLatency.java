package org.isoband.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.coach.TrainingPlan;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SampleSource;
import org.isoband.device.source.SourceDescription;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.CoachState;
import org.isoband.gateway.display.CoachScreen;
import org.isoband.gateway.display.Control;
import org.isoband.gateway.display.ScreenTaps;
import org.isoband.gateway.display.Display;
import org.isoband.gateway.display.DisplayLoop;
import org.isoband.gateway.display.ForceHistory;
import org.isoband.gateway.display.ScreenModel;
import org.isoband.gateway.session.SessionStart;
import org.isoband.gateway.session.TrainingSession;

/**
 * Latency from a sample handed to the gateway (the sensor thread's {@code SampleSink.sample}) to the end of
 * rendering the first frame that shows it, through the real session loop and display loop (25 frames/s):
 * what the athlete waits for. Prints p50, p99 and max. Also the touch-to-screen response: every half second
 * a tap on the Pause/Resume button (through the screen's own tap handling, as the window and the touchscreen
 * deliver it) and the time until a rendered frame shows the coach paused or resumed.
 * Run: bench/frame-latency.sh
 */
public final class FrameLatency {
    private FrameLatency() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        double hz = 80;
        FeedSource source = new FeedSource();
        ConcurrentHashMap<Long, Long> sent = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        CoachScreen screen = new CoachScreen(800, 480);
        long[] lastSeen = {-1};
        List<Long> touches = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<ScreenModel> shownModel = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong tapAt = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<CoachState> awaited = new java.util.concurrent.atomic.AtomicReference<>();
        ScreenTaps[] taps = new ScreenTaps[1];
        Display measuring = new Display() {
            @Override
            public void show(ScreenModel model) {
                screen.render(model);
                long done = System.nanoTime();
                taps[0].shown(model, done);
                shownModel.set(model);
                if (awaited.get() != null && model.coach().state() == awaited.get()) {
                    awaited.set(null);
                    touches.add(done - tapAt.get());
                }
                ForceHistory.Trace trace = model.trace();
                for (int i = 0; i < trace.size(); i++) {
                    long id = Math.round((trace.newtons()[i] - 100) * 1000);
                    if (id > lastSeen[0]) {
                        Long at = sent.remove(id);
                        if (at != null) {
                            latencies.add(done - at);
                        }
                    }
                }
                if (trace.size() > 0) {
                    lastSeen[0] = Math.max(lastSeen[0], Math.round((trace.newtons()[trace.size() - 1] - 100) * 1000));
                }
            }

            @Override
            public String describe() {
                return "measuring renderer";
            }

            @Override
            public void close() {
            }
        };
        TrainingPlan plan = TrainingPlan.DEFAULT;
        try (TrainingSession session = new TrainingSession(source, DetectorConfig.DEFAULTS,
                new SessionStart(plan, PlanPosition.START, false, "bench"), null, List.of(), () -> "off");
             DisplayLoop loop = new DisplayLoop(measuring, session::screen, 25)) {
            taps[0] = new ScreenTaps(screen, session::command);
            session.start();
            System.out.printf(Locale.ROOT, "frame-latency: feeding %.0f s at %.0f Hz through the session and a 25 fps display...%n", seconds, hz);
            long period = (long) (1e9 / hz);
            long next = System.nanoTime();
            int count = (int) (seconds * hz);
            for (long id = 0; id < count; id++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                long now = System.nanoTime();
                sent.put(id, now);
                source.sink.sample(now, 100 + id / 1000.0);
                next += period;
                ScreenModel shown = shownModel.get();
                if (id % (long) (hz / 2) == 0 && shown != null && awaited.get() == null) {
                    for (Control c : screen.controls(shown)) {
                        AthleteCommand command = c.command().orElse(null);
                        if (command == AthleteCommand.PAUSE || command == AthleteCommand.RESUME) {
                            awaited.set(command == AthleteCommand.PAUSE ? CoachState.PAUSED : CoachState.READY);
                            tapAt.set(System.nanoTime());
                            if (taps[0].tap(c.bounds().x + c.bounds().width / 2, c.bounds().y + c.bounds().height / 2,
                                    System.nanoTime()).isEmpty()) {
                                awaited.set(null);
                            }
                        }
                    }
                }
                if (id % (long) (5 * hz) == 0 && id > 0) {
                    System.out.printf(Locale.ROOT, "frame-latency: %d samples sent%n", id);
                }
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "frame-latency: %d samples shown of %d sent (the rest arrived between frames "
                + "and were shown in a later one: counted once, at their first frame)%n", sorted.length, (int) (seconds * hz));
        System.out.printf(Locale.ROOT, "frame-latency: sample -> rendered frame: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        long[] touch = touches.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "frame-latency: tap on Pause/Resume -> rendered frame showing it: %d taps, p50 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", touch.length, pct(touch, 0.50), pct(touch, 0.99),
                touch.length == 0 ? Double.NaN : touch[touch.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    /** A source the benchmark feeds by hand. */
    private static final class FeedSource implements SampleSource {
        volatile SampleSink sink;

        @Override
        public SourceDescription description() {
            return new SourceDescription("benchmark feed", "bench", 80);
        }

        @Override
        public void start(SampleSink sink) {
            this.sink = sink;
            sink.linkState(LinkState.STREAMING, "");
        }

        @Override
        public void stop() {
        }

        @Override
        public void close() {
        }
    }

}
