package org.isoband.core.detect;

/**
 * Counts of samples the detector refused, by reason.
 *
 * @param notFinite  NaN or infinite tension
 * @param outOfOrder time not after the previous sample's (duplicates included)
 * @param saturated  at or above full scale, or stuck at the top of a rep
 */
public record SampleCounters(long accepted, long notFinite, long outOfOrder, long saturated) {

    public long dropped() {
        return notFinite + outOfOrder + saturated;
    }
}
