package org.isoband.gateway.display;

import java.util.function.Consumer;
import org.isoband.core.coach.AthleteCommand;

/**
 * What the athlete can do from a display's keyboard: the button's commands, and quit.
 *
 * @param commands receives start/pause and skip
 * @param quit     ends the program cleanly
 */
public record DisplayControls(Consumer<AthleteCommand> commands, Runnable quit) {

    public static final DisplayControls NONE = new DisplayControls(c -> { }, () -> { });

    /** The keys every view shares: space or Enter start/pause, s or right arrow skip, q or Escape quit. */
    void key(char key) {
        switch (Character.toLowerCase(key)) {
            case ' ', '\n', '\r', 'p' -> commands.accept(AthleteCommand.START_PAUSE);
            case 's', 'n' -> commands.accept(AthleteCommand.SKIP);
            case 'q', 27 -> quit.run();
            default -> { }
        }
    }
}
