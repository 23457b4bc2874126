package org.isoband.device.sim;

import java.util.List;

/**
 * One contraction the simulated athlete will make, in seconds from the start of the session.
 *
 * @param leg        "right" or "left"
 * @param angle      hip angle index, 0 = closest to the torso
 * @param startS     the ramp begins (the real rise, after any set-up tension)
 * @param rampS      ramp-up duration
 * @param holdS      time from the end of the ramp to the start of the release
 * @param releaseS   release duration
 * @param restN      band tension at rest for this angle
 * @param amplitudeN level above rest (above the set-up tension, when there is one) the athlete holds
 * @param fault      what goes wrong
 * @param faultAtS   seconds into the hold when a MOVE or DROPOUT happens
 * @param faultSizeN tension change of a MOVE, or half-swing of a WOBBLE; seconds of silence for a DROPOUT
 * @param fatiguePct level lost over the hold (slow drift, % of amplitude)
 * @param setupN     set-up tension: the athlete takes up the band's slack to this much above rest, and
 *                   the rep rises from there (0: none)
 * @param setupS     how long the set-up tension is held before the rise
 * @param relaxPct   band stress relaxation: the latex loses this much of its tension (% of the level)
 *                   over the first seconds of a still hold (0: none)
 * @param relaxTauS  time constant of that relaxation
 * @param bumps      fidgets and rest plateaus in the rest before this rep: not reps
 */
public record RepPlan(
        String leg,
        int angle,
        double startS,
        double rampS,
        double holdS,
        double releaseS,
        double restN,
        double amplitudeN,
        Fault fault,
        double faultAtS,
        double faultSizeN,
        double fatiguePct,
        double setupN,
        double setupS,
        double relaxPct,
        double relaxTauS,
        List<Bump> bumps) {

    /** A rise of the rest tension that is no rep: a fidget or a rest plateau, with a flat top. */
    public record Bump(double startS, double riseS, double topS, double heightN) {
        public double endS() {
            return startS + 2 * riseS + topS;
        }
    }

    public RepPlan {
        bumps = List.copyOf(bumps);
    }

    /** A rep without set-up tension, relaxation or bumps. */
    public RepPlan(String leg, int angle, double startS, double rampS, double holdS, double releaseS, double restN,
                   double amplitudeN, Fault fault, double faultAtS, double faultSizeN, double fatiguePct) {
        this(leg, angle, startS, rampS, holdS, releaseS, restN, amplitudeN, fault, faultAtS, faultSizeN, fatiguePct,
                0, 0, 0, 1, List.of());
    }

    public double endS() {
        return startS + rampS + holdS + releaseS;
    }

    /** Where the rest before this rep begins to be disturbed: its first bump or its set-up tension. */
    public double restStartsMovingS() {
        double first = setupN > 0 ? startS - setupS : startS;
        for (Bump b : bumps) {
            first = Math.min(first, b.startS());
        }
        return first;
    }

    /** The rest tension the rep is measured against: the set-up tension's plateau when there is one. */
    public double baseN() {
        return restN + setupN;
    }

    /** Steady seconds the athlete really held: the longest stretch without a fault. */
    public double steadyS() {
        return switch (fault) {
            case NONE, EARLY_RELEASE -> holdS;
            case MOVE -> Math.max(faultAtS, holdS - faultAtS - MOVE_S);
            case WOBBLE -> 0;
            case DROPOUT -> faultAtS;
        };
    }

    /** How long a leg movement takes. */
    static final double MOVE_S = 0.4;
}
