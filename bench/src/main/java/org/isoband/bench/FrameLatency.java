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
import org.isoband.gateway.display.CoachScreen;
import org.isoband.gateway.display.Display;
import org.isoband.gateway.display.DisplayLoop;
import org.isoband.gateway.display.ForceHistory;
import org.isoband.gateway.display.ScreenModel;
import org.isoband.gateway.session.SessionStart;
import org.isoband.gateway.session.TrainingSession;

/**
 * Latency from a sample handed to the gateway (the sensor thread's {@code SampleSink.sample}) to the end of
 * rendering the first frame that shows it, through the real session loop and display loop (25 frames/s):
 * what the athlete waits for. Prints p50, p99 and max. Run: bench/frame-latency.sh
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
        Display measuring = new Display() {
            @Override
            public void show(ScreenModel model) {
                screen.render(model);
                long done = System.nanoTime();
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
