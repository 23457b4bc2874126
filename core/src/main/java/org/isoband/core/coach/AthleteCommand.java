package org.isoband.core.coach;

/**
 * What the athlete asks with the button, a key or a tap. The button and keys are deliberate and act at once;
 * a tap that would lose a rep or the session asks first ({@link #ASK_SKIP}, {@link #ASK_END}), because a
 * touchscreen gets stray taps from a knee or a towel.
 */
public enum AthleteCommand {
    /** The one button: acknowledge the notice, begin, pause or resume, leave the summary. */
    START_PAUSE,
    /** Acknowledge the safety notice (a tap anywhere on it): on to the Begin screen. */
    ACKNOWLEDGE,
    /** Begin the session from the Begin screen (a tap on Begin). */
    BEGIN,
    /** Pause (idempotent: a doubled tap cannot resume by accident). */
    PAUSE,
    /** Resume after a pause, with a fresh "get ready". */
    RESUME,
    /** Skip the rest, or the rep in hand: at once. */
    SKIP,
    /** Skip the rest at once, but ask before skipping a rep. */
    ASK_SKIP,
    /** Ask before ending the session. */
    ASK_END,
    /** Yes to the question on screen. */
    CONFIRM,
    /** No to the question on screen. */
    CANCEL,
    /** End the session now (q, Ctrl-C, a confirmed end): the summary follows. */
    END,
    /** Leave the end-of-session summary. */
    DISMISS
}
