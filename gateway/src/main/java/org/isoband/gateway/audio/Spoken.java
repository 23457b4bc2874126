package org.isoband.gateway.audio;

import org.isoband.core.coach.Cue;

/** What the voice says for a cue: short words for the hold, the coach's own sentence for the rest. */
final class Spoken {
    private Spoken() {
    }

    /** The words, or null for a cue that is not spoken. */
    static String words(Cue cue) {
        return switch (cue.kind()) {
            case HOLD_STARTED -> "Hold";
            case TARGET_REACHED -> "Target reached";
            case STOP -> "Stop and relax";
            case HARDER -> "A little harder";
            case EASE_OFF -> "Ease off";
            case GET_READY, REP_FAILED, NEXT_ANGLE, SWITCH_LEG, SESSION_DONE, PAUSED, MAX_TEST, MAX_PULL, MAX_RESULT -> cue.text();
            default -> null;
        };
    }
}
