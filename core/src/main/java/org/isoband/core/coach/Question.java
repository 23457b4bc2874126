package org.isoband.core.coach;

/** What the coach asks before doing something a stray tap should not do. */
public enum Question {
    NONE,
    /** "Skip this rep?": it would count as not held. */
    SKIP_REP,
    /** "End the session?": the rest of the plan is left undone. */
    END_SESSION
}
