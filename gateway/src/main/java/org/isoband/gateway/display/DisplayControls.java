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

    /**
     * The keys every view shares: space or Enter start/pause (and close the summary), s or right arrow skip,
     * e asks to end the session (y / n answer), q, Escape or Ctrl-C quit (with the summary).
     */
    void key(char key) {
        switch (Character.toLowerCase(key)) {
            case ' ', '\n', '\r', 'p' -> commands.accept(AthleteCommand.START_PAUSE);
            case 's' -> commands.accept(AthleteCommand.SKIP);
            case 'e' -> commands.accept(AthleteCommand.ASK_END);
            case 'y' -> commands.accept(AthleteCommand.CONFIRM);
            case 'n' -> commands.accept(AthleteCommand.CANCEL);
            case 'q', 27, 3 -> quit.run();
            default -> { }
        }
    }
}
