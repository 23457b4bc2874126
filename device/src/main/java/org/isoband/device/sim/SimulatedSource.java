package org.isoband.device.sim;

import java.util.Locale;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SampleSource;
import org.isoband.device.source.SourceDescription;
import org.isoband.device.source.TimedSource;

/**
 * The simulated band as a {@link SampleSource}: plays a {@link SimulatedSession} in real time (or faster) on
 * its own thread; a dropout is reported as link state LOST, its end as STREAMING again.
 */
public final class SimulatedSource extends TimedSource {
    private final SimulatedSession session;

    /**
     * @param speed 1 for real time, 10 for ten times faster, {@code Double.POSITIVE_INFINITY} for as fast as possible
     */
    public SimulatedSource(SimulatedSession session, double speed) {
        super(new SourceDescription(
                String.format(Locale.ROOT, "Simulated athlete (%s, seed %d)", session.scenario().cliName(), session.seed()),
                "sim", session.sensor().hz()), speed);
        this.session = session;
    }

    @Override
    protected void play(SampleSink sink) {
        session.forEach((t, newtons) -> deliver(sink, t, newtons));
    }
}
