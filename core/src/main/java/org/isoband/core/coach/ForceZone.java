package org.isoband.core.coach;

/**
 * The force a hold aims for: a share of the position's maximum.
 *
 * @param maxN    the maximum it is a share of, N (the tension the gauge reads, rest tension included)
 * @param lowPct  lower edge, % of the maximum
 * @param highPct upper edge, % of the maximum
 */
public record ForceZone(double maxN, double lowPct, double highPct) {
    public ForceZone {
        if (!(maxN > 0)) {
            throw new IllegalArgumentException("a maximum must be positive, got " + maxN);
        }
        if (!(lowPct > 0 && lowPct < highPct && highPct <= 100)) {
            throw new IllegalArgumentException("zone must be 0 < low < high <= 100 %, got " + lowPct + "-" + highPct);
        }
    }

    public double lowN() {
        return maxN * lowPct / 100;
    }

    public double highN() {
        return maxN * highPct / 100;
    }

    /** Where a tension is relative to the zone. */
    public ZoneSide side(double newtons) {
        if (!Double.isFinite(newtons)) {
            return ZoneSide.UNKNOWN;
        }
        return newtons < lowN() ? ZoneSide.BELOW : newtons > highN() ? ZoneSide.ABOVE : ZoneSide.IN;
    }

    /** A tension as % of the maximum. */
    public double pctOfMax(double newtons) {
        return 100 * newtons / maxN;
    }
}
