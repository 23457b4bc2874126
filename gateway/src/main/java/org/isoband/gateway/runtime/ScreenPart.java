package org.isoband.gateway.runtime;

import java.util.Optional;
import java.util.function.Function;
import org.isoband.gateway.display.DashboardPage;
import org.isoband.gateway.display.Display;
import org.isoband.gateway.display.DisplayControls;
import org.isoband.gateway.display.DisplayLoop;
import org.isoband.gateway.display.TerminalScreen;

/**
 * A display drawn by its own {@link DisplayLoop}: the coach's screen (25 frames/s) or the PNG snapshot (1/s).
 * Optional: a display that cannot open leaves the session running without it. The keys of a window or a
 * terminal send the session commands and quit like the button and Ctrl-C.
 */
public final class ScreenPart implements Part {
    private final String name;
    private final Function<DisplayControls, Optional<Display>> opener;
    private final double framesPerSecond;
    private Optional<DisplayLoop> loop = Optional.empty();
    private Optional<Display> display = Optional.empty();
    private String description = "none";

    private final DashboardPage dashboard;

    public ScreenPart(String name, Function<DisplayControls, Optional<Display>> opener, double framesPerSecond) {
        this(name, opener, framesPerSecond, DashboardPage.none());
    }

    /** @param dashboard the dashboard's page and link, shared by every screen of the gateway */
    public ScreenPart(String name, Function<DisplayControls, Optional<Display>> opener, double framesPerSecond,
                      DashboardPage dashboard) {
        this.name = name;
        this.opener = opener;
        this.framesPerSecond = framesPerSecond;
        this.dashboard = dashboard;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public void start(PartContext context) {
        display = opener.apply(new DisplayControls(context::command, context::quit, dashboard));
        description = display.map(Display::describe).orElse("none");
        var screens = context.screens();
        loop = display.map(d -> new DisplayLoop(d, () -> dashboard.dress(screens.get()), framesPerSecond));
    }

    /** What shows the screen ("window 800x480", "terminal"), or "none"; known once started. */
    public String describe() {
        return description;
    }

    /** Whether the display that opened takes touch, pointer or keys. */
    @Override
    public boolean takesInput() {
        return display.map(Display::takesInput).orElse(false);
    }

    /**
     * The terminal view, when that is what opened: while it is up, log lines must go into it, not across it
     * (the program's logging binding does that).
     */
    public Optional<TerminalScreen> terminal() {
        return display.filter(TerminalScreen.class::isInstance).map(TerminalScreen.class::cast);
    }

    /** Whether a display opened. */
    public boolean showing() {
        return loop.isPresent();
    }

    @Override
    public void stop() {
        loop.ifPresent(DisplayLoop::close);
    }
}
