package org.isoband.device.source;

/**
 * Receives what a {@link SampleSource} delivers, on the source's own thread. Implementations must be cheap:
 * hand the sample on (to the detector, a queue) and return; never block on I/O.
 */
public interface SampleSink {

    /** One reading: gateway clock in nanoseconds, tension in newtons (NaN-free not guaranteed: the detector checks). */
    void sample(long tNanos, double newtons);

    /** The link changed state; {@code detail} says why in words for the log and the display (may be empty). */
    void linkState(LinkState state, String detail);

    /**
     * The sensor's battery, when the source could read it (some BLE sensors), once per link or when it changes;
     * sinks that do not show it ignore it.
     */
    default void battery(BatteryLevel level) {
    }
}
