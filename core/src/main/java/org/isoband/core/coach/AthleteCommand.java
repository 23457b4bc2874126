package org.isoband.core.coach;

/** What the athlete asks with the button or the keyboard. */
public enum AthleteCommand {
    /** Acknowledge the notice, start, pause or resume. */
    START_PAUSE,
    /** Skip the rest, or the rep in hand. */
    SKIP
}
