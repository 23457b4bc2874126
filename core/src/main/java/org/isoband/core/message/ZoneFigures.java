package org.isoband.core.message;

/**
 * How a rep went against its force zone (schema 2, optional: null when the position had no maximum).
 *
 * @param maxN        the maximum the zone was a share of, N
 * @param lowPct      lower edge of the zone, % of the maximum
 * @param highPct     upper edge, % of the maximum
 * @param timeInZoneS seconds of the contraction inside the zone
 * @param pctOfMax    the rep's mean tension over its steady stretch, % of the maximum (NaN: unknown)
 */
public record ZoneFigures(double maxN, double lowPct, double highPct, double timeInZoneS, double pctOfMax) {
    public ZoneFigures {
        if (!(maxN > 0)) {
            throw new IllegalArgumentException("max_n must be positive, got " + maxN);
        }
        if (!(lowPct > 0 && lowPct < highPct && highPct <= 100)) {
            throw new IllegalArgumentException("zone must be 0 < low < high <= 100 %, got " + lowPct + "-" + highPct);
        }
        if (!(timeInZoneS >= 0)) {
            throw new IllegalArgumentException("time in zone must not be negative, got " + timeInZoneS);
        }
        maxN = MessageWriter.round(maxN, 2);
        lowPct = MessageWriter.round(lowPct, 1);
        highPct = MessageWriter.round(highPct, 1);
        timeInZoneS = MessageWriter.round(timeInZoneS, 3);
        pctOfMax = Double.isFinite(pctOfMax) ? MessageWriter.round(pctOfMax, 1) : Double.NaN;
    }

    void write(MessageWriter out) {
        out.number("max_n", maxN, 2).number("zone_low_pct", lowPct, 1).number("zone_high_pct", highPct, 1)
                .number("time_in_zone_s", timeInZoneS, 3).number("pct_of_max", pctOfMax, 1);
    }

    /** The figures of a rep event, or null when it has none (max_n absent or null). */
    static ZoneFigures read(MessageReader in) {
        if (!in.has("max_n")) {
            return null;
        }
        double max = in.number("max_n");
        double low = in.number("zone_low_pct");
        double high = in.number("zone_high_pct");
        double time = in.number("time_in_zone_s");
        if (!(max > 0)) {
            throw in.invalid("max_n", "must be positive, got " + max);
        }
        if (!(low > 0 && low < high && high <= 100)) {
            throw in.invalid("zone_low_pct", "the zone must be 0 < low < high <= 100 %, got " + low + "-" + high);
        }
        if (!(time >= 0)) {
            throw in.invalid("time_in_zone_s", "must not be negative, got " + time);
        }
        return new ZoneFigures(max, low, high, time, in.optionalNumber("pct_of_max"));
    }
}
