package org.isoband.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.RepEvent;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.gateway.display.CoachScreen;
import org.isoband.gateway.mqtt.BandMessages;
import org.isoband.gateway.mqtt.MqttConfig;
import org.isoband.gateway.mqtt.MqttPublisher;
import org.isoband.gateway.mqtt.MqttSessionObserver;
import org.isoband.gateway.mqtt.SampleClock;
import org.isoband.gateway.display.Display;
import org.isoband.gateway.display.DisplayLoop;
import org.isoband.gateway.display.ScreenModel;
import org.isoband.gateway.session.RepContext;
import org.isoband.gateway.session.SessionJournal;
import org.isoband.gateway.session.SessionObserver;
import org.isoband.gateway.session.SessionStart;
import org.isoband.gateway.session.TrainingSession;

/**
 * Soak: simulated training sessions back to back through the real session loop, journal and a rendering
 * display, until {@code hours} of training have been simulated at {@code speed} times real time; prints the
 * heap used after a collection and the process's resident memory (VmRSS) every {@code every} seconds, so that
 * growth shows. Run with the systemd unit's JVM options: bench/soak.sh
 */
public final class Soak {
    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        double hours = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        double speed = args.length > 1 ? Double.parseDouble(args[1]) : 30;
        double every = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        String broker = args.length > 3 ? args[3] : null;
        Path dir = Files.createTempDirectory("isoband-soak-");
        long wallEnd = System.nanoTime() + (long) (hours * 3600 / speed * 1e9);
        long[] reps = {0};
        SessionObserver counter = new SessionObserver() {
            @Override
            public void rep(RepEvent rep, RepContext where) {
                reps[0]++;
            }
        };
        CoachScreen screen = new CoachScreen(800, 480);
        Display renderer = new Display() {
            @Override
            public void show(ScreenModel model) {
                screen.render(model);
            }

            @Override
            public String describe() {
                return "offscreen 800x480";
            }

            @Override
            public void close() {
            }
        };
        System.out.printf(Locale.ROOT, "soak: %.1f h of training at %.0fx (%.0f s of wall time), MQTT %s, JVM %s%n", hours,
                speed, hours * 3600 / speed, broker == null ? "off" : broker, ManagementFactory.getRuntimeMXBean().getInputArguments());
        MqttPublisher publisher = broker == null ? null
                : MqttPublisher.start(MqttConfig.of(broker, "soak", List.of("band"), dir.resolve("outbox.db")));
        System.out.println("soak:  wall s  sim min  sessions   reps  heap used MB (after GC)  RSS MB");
        List<double[]> rows = new ArrayList<>();
        long started = System.nanoTime();
        long nextReport = started;
        int sessions = 0;
        try (SessionJournal journal = new SessionJournal(dir.resolve("gateway.db"), Clock.systemUTC())) {
            while (System.nanoTime() < wallEnd) {
                sessions++;
                SimulatedSource source = new SimulatedSource(new SimulatedSession(Scenario.SESSION, sessions,
                        SensorModel.loadCell(80)), speed);
                String id = journal.start(PlanPosition.START);
                List<SessionObserver> observers = new ArrayList<>(List.of(counter));
                if (publisher != null) {
                    observers.add(new MqttSessionObserver(new BandMessages("soak", "band", 6.0, publisher,
                            new SampleClock(Clock.systemUTC(), source::nowNanos), java.time.ZoneOffset.UTC)));
                }
                try (TrainingSession session = new TrainingSession(source, DetectorConfig.DEFAULTS,
                        new SessionStart(org.isoband.core.coach.TrainingPlan.DEFAULT, PlanPosition.START, false, id),
                        journal, observers, () -> "off");
                     DisplayLoop loop = new DisplayLoop(renderer, session::screen, 25)) {
                    session.start();
                    while (!session.awaitEnd(200, TimeUnit.MILLISECONDS) && System.nanoTime() < wallEnd) {
                        if (System.nanoTime() >= nextReport) {
                            nextReport += (long) (every * 1e9);
                            rows.add(report(started, speed, sessions, reps[0]));
                        }
                    }
                }
            }
        }
        rows.add(report(started, speed, sessions, reps[0]));
        if (publisher != null) {
            System.out.println("soak: MQTT " + publisher.stats());
            publisher.close();
        }
        double firstHalfRss = rows.subList(rows.size() / 4, rows.size() / 2).stream().mapToDouble(r -> r[1]).max().orElse(0);
        double lastRss = rows.subList(rows.size() / 2, rows.size()).stream().mapToDouble(r -> r[1]).max().orElse(0);
        double maxRss = rows.stream().mapToDouble(r -> r[1]).max().orElse(0);
        double maxHeap = rows.stream().mapToDouble(r -> r[0]).max().orElse(0);
        System.out.printf(Locale.ROOT, "soak: max heap used %.1f MB, max RSS %.1f MB; RSS max in the 2nd quarter %.1f MB, "
                + "in the 2nd half %.1f MB%n", maxHeap, maxRss, firstHalfRss, lastRss);
    }

    private static double[] report(long started, double speed, int sessions, long reps) throws IOException {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double heapMb = heap.getUsed() / 1048576.0;
        double rssMb = rssKb() / 1024.0;
        double wall = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "soak: %7.0f  %7.1f  %8d  %5d  %23.1f  %6.1f%n", wall, wall * speed / 60, sessions,
                reps, heapMb, rssMb);
        return new double[] {heapMb, rssMb};
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
