package org.isoband.core.detect;

/** The outcome of one contraction (the verdict table of README.md; how each is decided: docs/detector.md). */
public enum Verdict {
    /** Steady for at least the hold target. */
    HELD,
    /** Released before the target, without moving. */
    SHORT,
    /** The steady hold was broken by a sustained change of tension (the leg moved). */
    MOVED,
    /** The contraction never settled. */
    UNSTEADY,
    /** Cut off by a lost sensor link; nothing is claimed about the hold. */
    INTERRUPTED
}
