package org.isoband.device.source;

/**
 * A sensor, or anything that stands in for one: it delivers samples on its own thread to a {@link SampleSink}
 * from {@link #start} until {@link #stop}. The rest of the gateway never knows which sensor it has.
 */
public interface SampleSource extends AutoCloseable {

    SourceDescription description();

    /** Starts delivering to {@code sink}. A source is started once. */
    void start(SampleSink sink);

    /** Stops delivering; the sink is told {@link LinkState#STOPPED}. Safe to call more than once. */
    void stop();

    /**
     * The time now on the clock the samples are stamped with. A live sensor stamps with the gateway's
     * {@link System#nanoTime}; a recording played faster runs its clock faster, and the coach's rests with it.
     */
    default long nowNanos() {
        return System.nanoTime();
    }

    /**
     * How fast {@link #nowNanos} runs against real time: 1 for a sensor, the chosen speed for a recording or the
     * simulated athlete played faster ({@link Double#POSITIVE_INFINITY}: as fast as it can be read).
     */
    default double speed() {
        return 1.0;
    }

    /** Stops and frees the hardware or files. */
    @Override
    void close();
}
