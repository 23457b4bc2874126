package org.isoband.dashboard.ingest;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.RepMessage;
import org.isoband.dashboard.store.ForceCurve;

/**
 * The last two minutes of live force of each band, so that a rep arriving after its release can be stored with
 * its curve. Keeping curves costs about 3 kB of text per rep (a year of training: tens of MB), which is cheap;
 * but force batches are QoS 0 and not kept by the broker, so a rep that reaches the dashboard late (it was
 * offline; the gateway's outbox resent it) has no curve, and the API says so rather than guessing.
 */
public final class ForceRecorder {
    /** Batches older than this before the newest one are forgotten: longer than any hold plus its release. */
    static final long KEEP_MS = 120_000;
    /** Curves are kept to this many points (a 20 s rep at 80 Hz is 1,600); beyond, evenly thinned. */
    static final int MAX_POINTS = 1500;
    /** Samples kept around the rep, before its ramp-up and after its release. */
    static final long MARGIN_MS = 1000;
    /** The samples must reach this close to the rep's start and end, and have no longer gap, to count as its curve. */
    static final long COVERAGE_MS = 600;

    private final Map<String, Deque<ForceBatch>> bands = new HashMap<>();

    public synchronized void add(ForceBatch batch) {
        Deque<ForceBatch> batches = bands.computeIfAbsent(batch.gateway() + "/" + batch.band(), k -> new ArrayDeque<>());
        batches.addLast(batch);
        long newest = batch.start().toEpochMilli();
        while (!batches.isEmpty() && batches.peekFirst().start().toEpochMilli() < newest - KEEP_MS) {
            batches.removeFirst();
        }
    }

    /** The samples from just before {@code rep}'s start to just after its end, or null when they were not all seen. */
    public synchronized ForceCurve curve(RepMessage rep) {
        Deque<ForceBatch> batches = bands.get(rep.gateway() + "/" + rep.band());
        if (batches == null || batches.isEmpty()) {
            return null;
        }
        long start = rep.start().toEpochMilli();
        long end = rep.end().toEpochMilli();
        double from = start - MARGIN_MS;
        double to = end + MARGIN_MS;
        int n = 0;
        for (ForceBatch b : batches) {
            for (double t : b.offsetsMs()) {
                double at = b.start().toEpochMilli() + t;
                if (at >= from && at <= to) {
                    n++;
                }
            }
        }
        if (n == 0) {
            return null;
        }
        double[] times = new double[n];
        double[] newtons = new double[n];
        int i = 0;
        for (ForceBatch b : batches) {
            long base = b.start().toEpochMilli();
            double[] offsets = b.offsetsMs();
            double[] values = b.newtons();
            for (int k = 0; k < offsets.length; k++) {
                double at = base + offsets[k];
                if (at >= from && at <= to) {
                    times[i] = at - start;
                    newtons[i] = values[k];
                    i++;
                }
            }
        }
        sortByTime(times, newtons);
        if (!covers(times, end - start)) {
            return null;
        }
        return thinned(times, newtons);
    }

    private static boolean covers(double[] times, long lengthMs) {
        if (times[0] > COVERAGE_MS || times[times.length - 1] < lengthMs - COVERAGE_MS) {
            return false;
        }
        for (int k = 1; k < times.length; k++) {
            if (times[k] - times[k - 1] > COVERAGE_MS && times[k] > 0 && times[k - 1] < lengthMs) {
                return false;   // a lost batch in the middle of the rep: half a curve would mislead
            }
        }
        return true;
    }

    // Batches arrive in order over one MQTT connection, but a gateway that restarted may overlap; insertion sort
    // is linear on the already sorted input of the normal case.
    private static void sortByTime(double[] times, double[] values) {
        for (int a = 1; a < times.length; a++) {
            double t = times[a];
            double v = values[a];
            int b = a - 1;
            while (b >= 0 && times[b] > t) {
                times[b + 1] = times[b];
                values[b + 1] = values[b];
                b--;
            }
            times[b + 1] = t;
            values[b + 1] = v;
        }
    }

    private static ForceCurve thinned(double[] times, double[] newtons) {
        if (times.length <= MAX_POINTS) {
            return new ForceCurve(times, newtons);
        }
        double[] t = new double[MAX_POINTS];
        double[] n = new double[MAX_POINTS];
        for (int k = 0; k < MAX_POINTS; k++) {
            int from = (int) ((long) k * times.length / MAX_POINTS);
            t[k] = times[from];
            n[k] = newtons[from];
        }
        return new ForceCurve(t, n);
    }

    /** Forgets everything (a test, or a dashboard that was told a gateway went offline). */
    public synchronized void forget(String gateway) {
        bands.keySet().removeIf(k -> k.startsWith(gateway + "/"));
    }

    synchronized int batches() {
        return bands.values().stream().mapToInt(Deque::size).sum();
    }

    /** For tests: when the newest kept batch of a band started, or null. */
    synchronized Instant newest(String gateway, String band) {
        Deque<ForceBatch> batches = bands.get(gateway + "/" + band);
        return batches == null || batches.isEmpty() ? null : batches.peekLast().start();
    }
}
