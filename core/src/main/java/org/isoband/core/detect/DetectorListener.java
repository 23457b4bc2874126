package org.isoband.core.detect;

/** Receives what the {@link HoldDetector} decides. Called on the thread that feeds the detector. */
public interface DetectorListener {

    /** A contraction ended. */
    void onRep(RepEvent rep);

    /** The live phase changed; {@code tNanos} is the sample time at which it was decided. */
    default void onPhase(Phase from, Phase to, long tNanos) {
    }
}
