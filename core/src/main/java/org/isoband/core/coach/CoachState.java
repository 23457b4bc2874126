package org.isoband.core.coach;

/** What the coach is waiting for. */
public enum CoachState {
    /** The blood-pressure notice before the first session; any button or a tap anywhere goes on. */
    SAFETY_NOTICE,
    /** One large Begin: the plan starts when the athlete is in place (or by itself with autostart). */
    BEGIN,
    /** Ready for the next rep: the athlete starts it by pushing. */
    READY,
    /** A contraction is in progress. */
    HOLDING,
    /** Resting between reps, angles or legs; counts down. */
    RESTING,
    /** Paused by the athlete: countdowns stand still and no pull counts. */
    PAUSED,
    /** The plan is complete or was ended: the summary shows until it is dismissed. */
    DONE
}
