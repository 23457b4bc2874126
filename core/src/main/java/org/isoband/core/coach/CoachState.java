package org.isoband.core.coach;

/** What the coach is waiting for. */
public enum CoachState {
    /** The blood-pressure notice before the first session; any button goes on. */
    SAFETY_NOTICE,
    /** Ready for the next rep: the athlete starts it by pushing. */
    READY,
    /** A contraction is in progress. */
    HOLDING,
    /** Resting between reps, angles or legs; counts down. */
    RESTING,
    /** Paused by the athlete; countdowns stand still. */
    PAUSED,
    /** The plan is complete. */
    DONE
}
