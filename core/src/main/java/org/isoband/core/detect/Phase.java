package org.isoband.core.detect;

/** Where the athlete is in a contraction, as the detector sees it live. */
public enum Phase {
    /** Between reps: the band carries only the rest tension. */
    REST,
    /** Tension is rising above the rest tension and has not settled yet. */
    RAMP,
    /** Tension is steady: the leg is still and the hold timer runs. */
    HOLD,
    /** Contracted but not steady: wobbling, or changing level after a movement. */
    UNSTEADY,
    /** Tension is falling back towards rest. */
    RELEASE;

    public boolean inContraction() {
        return this != REST;
    }
}
