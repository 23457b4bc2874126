package org.isoband.core.coach;

import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;

/**
 * Keeps a hold in its force zone: says "a little harder" or "ease off" when the tension has stayed out of the
 * zone for {@link #OUT_BEFORE_CUE_S} of the hold (not at every wobble), at most every {@link #REPEAT_S} for the
 * same side, and counts each rep's time in the zone on the samples themselves (their own clock, whatever the
 * display's rate). The verdict is not its business: a rep out of the zone still counts as held when it was
 * steady. Pure logic, fed the samples and the live state at the display's rate.
 */
public final class ZoneCoach {
    static final double OUT_BEFORE_CUE_S = 0.6;
    static final double REPEAT_S = 3.0;
    /** Longest gap between two samples counted as time, s: a silent sensor must not count as time in the zone. */
    private static final double MAX_GAP_S = 0.25;

    private ForceZone zone;
    private long lastSampleNanos = Long.MIN_VALUE;
    private boolean lastSampleIn;
    private double inZoneS;
    private ZoneSide side = ZoneSide.UNKNOWN;
    private long outSinceNanos;
    private long lastCueNanos = Long.MIN_VALUE;
    private ZoneSide lastCueSide = ZoneSide.UNKNOWN;

    /** A new contraction begins at {@code zone} (null: no zone for this position, nothing is said). */
    public void begin(ForceZone newZone) {
        zone = newZone;
        lastSampleNanos = Long.MIN_VALUE;
        inZoneS = 0;
        side = ZoneSide.UNKNOWN;
        lastCueNanos = Long.MIN_VALUE;
        lastCueSide = ZoneSide.UNKNOWN;
    }

    public ForceZone zone() {
        return zone;
    }

    /** Where the tension was at the last tick. */
    public ZoneSide side() {
        return side;
    }

    /** A sample of the contraction: the time between two samples inside the zone counts as time in it. */
    public void sample(long tNanos, double newtons) {
        if (zone == null || !Double.isFinite(newtons)) {
            return;
        }
        boolean in = zone.side(newtons) == ZoneSide.IN;
        if (lastSampleNanos != Long.MIN_VALUE && in && lastSampleIn) {
            inZoneS += Math.min(MAX_GAP_S, (tNanos - lastSampleNanos) / 1e9);
        }
        lastSampleNanos = tNanos;
        lastSampleIn = in;
    }

    /**
     * The live state during the contraction; returns the cue to say now, or null. Cues only while the detector
     * holds (not while ramping up or releasing).
     */
    public CueKind tick(HoldState live, long tNanos) {
        if (zone == null) {
            return null;
        }
        ZoneSide now = zone.side(live.levelN());
        if (now != side) {
            outSinceNanos = tNanos;
            side = now;
        }
        if (live.phase() != Phase.HOLD || (now != ZoneSide.BELOW && now != ZoneSide.ABOVE)) {
            return null;
        }
        boolean outLongEnough = (tNanos - outSinceNanos) / 1e9 >= OUT_BEFORE_CUE_S;
        boolean quietLongEnough = lastCueNanos == Long.MIN_VALUE || now != lastCueSide
                || (tNanos - lastCueNanos) / 1e9 >= REPEAT_S;
        if (!outLongEnough || !quietLongEnough) {
            return null;
        }
        lastCueNanos = tNanos;
        lastCueSide = now;
        return now == ZoneSide.BELOW ? CueKind.HARDER : CueKind.EASE_OFF;
    }

    /** The zone figures of the contraction that just ended; null without a zone. */
    public RepZone finish(RepEvent rep) {
        if (zone == null) {
            return null;
        }
        RepZone figures = new RepZone(zone, inZoneS, zone.pctOfMax(rep.meanN()));
        zone = null;
        return figures;
    }
}
