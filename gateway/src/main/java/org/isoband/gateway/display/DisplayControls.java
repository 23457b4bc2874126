package org.isoband.gateway.display;

import java.util.function.Consumer;
import org.isoband.core.coach.AthleteCommand;

/**
 * What the athlete can do from a display's keyboard or touch: the button's commands, the screen's own pages,
 * and quit.
 *
 * @param commands receives start/pause and skip
 * @param quit     ends the program cleanly
 * @param pages    opens and closes the screen's own pages (the dashboard's QR code)
 */
public record DisplayControls(Consumer<AthleteCommand> commands, Runnable quit, Consumer<Tap.Page> pages) {

    public static final DisplayControls NONE = new DisplayControls(c -> { }, () -> { });

    /** Without pages of the screen's own. */
    public DisplayControls(Consumer<AthleteCommand> commands, Runnable quit) {
        this(commands, quit, p -> { });
    }

    /** A tap's effect: the coach's command to the coach, a page to the pages. */
    void tap(Tap tap) {
        if (tap instanceof Tap.Coach c) {
            commands.accept(c.command());
        } else {
            pages.accept((Tap.Page) tap);
        }
    }

    /**
     * The keys every view shares: space or Enter start/pause (and close the summary), s or right arrow skip,
     * e asks to end the session (y / n answer), d shows or hides the dashboard's QR code, q, Escape or Ctrl-C
     * quit (with the summary).
     */
    void key(char key) {
        switch (Character.toLowerCase(key)) {
            case ' ', '\n', '\r', 'p' -> commands.accept(AthleteCommand.START_PAUSE);
            case 's' -> commands.accept(AthleteCommand.SKIP);
            case 'e' -> commands.accept(AthleteCommand.ASK_END);
            case 'y' -> commands.accept(AthleteCommand.CONFIRM);
            case 'n' -> commands.accept(AthleteCommand.CANCEL);
            case 'd' -> pages.accept(Tap.Page.TOGGLE_DASHBOARD);
            case 'q', 27, 3 -> quit.run();
            default -> { }
        }
    }
}
