package org.isoband.gateway.display;

import java.awt.Rectangle;
import java.util.Optional;
import org.isoband.core.coach.AthleteCommand;

/**
 * A place on the screen a finger can press, and what pressing it does.
 *
 * @param label  what the button says (empty for a whole-screen tap)
 * @param bounds where it is, in screen pixels
 * @param tap    what a tap on it does: a command for the coach, or a page of the screen's own
 * @param look   how it is drawn
 */
public record Control(String label, Rectangle bounds, Tap tap, Look look) {

    /** A control that asks the coach {@code command}. */
    public Control(String label, Rectangle bounds, AthleteCommand command, Look look) {
        this(label, bounds, new Tap.Coach(command), look);
    }

    /** The coach's command, when that is what the control gives. */
    public Optional<AthleteCommand> command() {
        return tap instanceof Tap.Coach c ? Optional.of(c.command()) : Optional.empty();
    }

    /** How a control stands out: the usual one, the main thing to do, one that ends something, none drawn. */
    public enum Look { PLAIN, MAIN, DANGER, INVISIBLE }
}
