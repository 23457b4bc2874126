package org.isoband.core.detect;

/**
 * Counts of samples the detector refused or repaired, by reason.
 *
 * @param accepted   samples the detector judged (wild ones among them, repaired)
 * @param notFinite  NaN or infinite tension: dropped
 * @param outOfOrder a repeated time, or a single time out of line with its neighbours: dropped
 * @param saturated  at or above the configured full scale: dropped
 * @param wild       single wild readings replaced by their neighbour (an HX711 bit slip)
 * @param restarts   times the clock went back and a new segment began (no sample is dropped for it)
 */
public record SampleCounters(long accepted, long notFinite, long outOfOrder, long saturated, long wild, long restarts) {

    public SampleCounters(long accepted, long notFinite, long outOfOrder, long saturated) {
        this(accepted, notFinite, outOfOrder, saturated, 0, 0);
    }

    public long dropped() {
        return notFinite + outOfOrder + saturated;
    }
}
