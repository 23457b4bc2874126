package org.isoband.device.gpio;

/**
 * Turns the edges of a bouncing contact into presses, by time rather than by counting samples: an edge
 * toward "pressed" is a press when the line had been quiet (no edge at all) for the debounce time before it.
 * The press is reported at its first edge, without waiting; the contact's bounces, on pressing and on
 * releasing, all come within the debounce time of another edge and are ignored. Mechanical push buttons
 * bounce for a few milliseconds; 20-50 ms is the usual debounce time. Pure: the caller supplies the times.
 */
public final class Debouncer {
    private final long quietNanos;
    private long lastEdge;
    private boolean anyEdge;

    public Debouncer(long quietNanos) {
        if (quietNanos <= 0) {
            throw new IllegalArgumentException("debounce time must be positive, got " + quietNanos + " ns");
        }
        this.quietNanos = quietNanos;
    }

    /**
     * One edge of the line.
     *
     * @param tNanos  when it was seen
     * @param pressed the level it went to, as "pressed" or not
     * @return whether it is a new press
     */
    public boolean edge(long tNanos, boolean pressed) {
        boolean quiet = !anyEdge || tNanos - lastEdge >= quietNanos;
        anyEdge = true;
        lastEdge = tNanos;
        return pressed && quiet;
    }
}
