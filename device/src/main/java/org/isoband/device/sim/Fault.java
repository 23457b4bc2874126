package org.isoband.device.sim;

import org.isoband.core.detect.Verdict;

/** What the simulated athlete (or sensor) gets wrong in a rep, and the verdict the detector should give. */
public enum Fault {
    /** A clean hold past the target. */
    NONE(Verdict.HELD),
    /** The leg moves mid-hold: the band's tension steps by stiffness x displacement and stays. */
    MOVE(Verdict.MOVED),
    /** Released before the target. */
    EARLY_RELEASE(Verdict.SHORT),
    /** Never settles: the tension wobbles by 15-25 % of the amplitude. */
    WOBBLE(Verdict.UNSTEADY),
    /** The sensor goes silent for a few seconds mid-hold: the rep is cut off. */
    DROPOUT(Verdict.INTERRUPTED);

    private final Verdict expected;

    Fault(Verdict expected) {
        this.expected = expected;
    }

    public Verdict expectedVerdict() {
        return expected;
    }
}
