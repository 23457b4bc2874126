package org.isoband.device.sim;

import java.util.Locale;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SampleSource;
import org.isoband.device.source.SourceDescription;
import org.isoband.device.source.TimedSource;

/**
 * The simulated band as a {@link SampleSource}: plays a {@link SimulatedSession} in real time (or faster) on
 * its own thread; a dropout is reported as link state LOST, its end as STREAMING again. The athlete can be
 * {@linkplain #pause paused} like a real one: it relaxes at the rest tension until resumed, then leaves out the
 * rest of a rep it was in the middle of (a real athlete starts a fresh one).
 */
public final class SimulatedSource extends TimedSource {
    private final SimulatedSession session;
    private final java.util.Random noise = new java.util.Random(17);
    private volatile boolean paused;
    /** Added to the session's own times: grows through a pause, shrinks by the rep left out after it. */
    private double shiftS;
    private double skipUntilS = Double.NEGATIVE_INFINITY;
    private double skipFromS;

    /**
     * @param speed 1 for real time, 10 for ten times faster, {@code Double.POSITIVE_INFINITY} for as fast as possible
     */
    public SimulatedSource(SimulatedSession session, double speed) {
        super(new SourceDescription(
                String.format(Locale.ROOT, "Simulated athlete (%s, seed %d)", session.scenario().cliName(), session.seed()),
                "sim", session.sensor().hz()), speed);
        this.session = session;
    }

    /** The athlete pauses (relaxes) or goes on; safe from any thread. */
    public void pause(boolean pause) {
        paused = pause;
    }

    @Override
    protected void play(SampleSink sink) {
        double period = 1 / session.sensor().hz();
        session.forEach((t, newtons) -> {
            if (paused) {
                double at = t + shiftS;
                while (paused) {
                    deliver(sink, at, session.restAt(t) + session.sensor().noiseN() * noise.nextGaussian());
                    at += period;
                    shiftS += period;
                }
                skipFromS = t;
                skipUntilS = session.endOfRepAt(t);
            }
            if (t < skipUntilS) {
                return;
            }
            if (skipUntilS > Double.NEGATIVE_INFINITY) {
                shiftS -= t - skipFromS;
                skipUntilS = Double.NEGATIVE_INFINITY;
            }
            deliver(sink, t + shiftS, newtons);
        });
    }
}
