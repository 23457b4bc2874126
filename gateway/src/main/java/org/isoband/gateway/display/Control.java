package org.isoband.gateway.display;

import java.awt.Rectangle;
import org.isoband.core.coach.AthleteCommand;

/**
 * A place on the screen a finger can press, and what pressing it asks the coach.
 *
 * @param label   what the button says (empty for a whole-screen tap)
 * @param bounds  where it is, in screen pixels
 * @param command what a tap on it does
 * @param look    how it is drawn
 */
public record Control(String label, Rectangle bounds, AthleteCommand command, Look look) {

    /** How a control stands out: the usual one, the main thing to do, one that ends something, none drawn. */
    public enum Look { PLAIN, MAIN, DANGER, INVISIBLE }
}
