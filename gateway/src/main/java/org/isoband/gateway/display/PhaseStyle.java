package org.isoband.gateway.display;

import java.awt.Color;
import org.isoband.core.coach.CoachState;
import org.isoband.core.detect.Phase;

/**
 * The word and colour of what is happening, from the Okabe-Ito palette so that colour-blind athletes can
 * tell the phases apart; the word always goes with the colour.
 */
public record PhaseStyle(String word, Color color) {
    static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    static final Color GREEN = new Color(0x00, 0x9E, 0x73);
    static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
    static final Color SKY = new Color(0x56, 0xB4, 0xE9);
    static final Color GREY = new Color(0x88, 0x88, 0x88);

    /** Paused wins over the live phase: a pull during a pause is drawn, but the word says it does not count. */
    public static PhaseStyle of(CoachState coach, Phase phase) {
        if (coach == CoachState.PAUSED) {
            return new PhaseStyle("PAUSED", GREY);
        }
        if (phase.inContraction() && coach != CoachState.SAFETY_NOTICE && coach != CoachState.BEGIN && coach != CoachState.DONE) {
            return switch (phase) {
                case RAMP -> new PhaseStyle("PUSH", ORANGE);
                case HOLD -> new PhaseStyle("HOLD", GREEN);
                case UNSTEADY -> new PhaseStyle("STEADY!", PURPLE);
                case RELEASE -> new PhaseStyle("RELAX", SKY);
                default -> throw new IllegalStateException("not a contraction phase: " + phase);
            };
        }
        return switch (coach) {
            case SAFETY_NOTICE -> new PhaseStyle("READ FIRST", ORANGE);
            case BEGIN -> new PhaseStyle("BEGIN", GREEN);
            case READY, HOLDING -> new PhaseStyle("READY", BLUE);
            case RESTING -> new PhaseStyle("REST", SKY);
            case PAUSED -> new PhaseStyle("PAUSED", GREY);
            case DONE -> new PhaseStyle("DONE", GREEN);
        };
    }
}
