package org.isoband.core.coach;

/** What the coach tells the athlete. The display shows it; the buzzer and the tones mark some (GpioFeedback, Tone). */
public enum CueKind {
    SAFETY,
    BEGIN,
    GET_READY,
    HOLD_STARTED,
    BREATHE,
    TARGET_REACHED,
    STOP,
    REP_HELD,
    REP_FAILED,
    RELAX,
    REST,
    NEXT_ANGLE,
    SWITCH_LEG,
    PAUSED,
    RESUMED,
    SESSION_DONE,
    /** The maximum test explained, before its first pull at a position. */
    MAX_TEST,
    /** A maximal pull: get ready, or its result. */
    MAX_PULL,
    /** The maximum of a position, and the zone it gives. */
    MAX_RESULT,
    /** Below the force zone during a hold. */
    HARDER,
    /** Above the force zone during a hold. */
    EASE_OFF
}
