package org.isoband.gateway.display;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.Question;

/**
 * Taps and clicks on a shown screen, turned into the coach's commands by the controls of the frame the athlete
 * is looking at. A screen that has just changed ignores taps for {@link #SETTLE_NANOS}: the second tap of a
 * double tap on the notice must not press Begin, and a tap aimed at the old screen must not land on the new one.
 */
public final class ScreenTaps {
    static final long SETTLE_NANOS = 350_000_000L;

    private final CoachScreen screen;
    private final Consumer<AthleteCommand> commands;
    private final AtomicReference<Shown> shown = new AtomicReference<>();

    private record Shown(ScreenModel model, String kind, long sinceNanos) {
    }

    public ScreenTaps(CoachScreen screen, Consumer<AthleteCommand> commands) {
        this.screen = screen;
        this.commands = commands;
    }

    /** The display shows {@code model} now. */
    public void shown(ScreenModel model, long nowNanos) {
        String kind = kind(model);
        shown.updateAndGet(old -> old != null && old.kind().equals(kind) ? new Shown(model, kind, old.sinceNanos())
                : new Shown(model, kind, nowNanos));
    }

    /** A press at screen pixel (x, y); returns the command it gave, if any. */
    public Optional<AthleteCommand> tap(int x, int y, long nowNanos) {
        Shown s = shown.get();
        if (s == null || nowNanos - s.sinceNanos() < SETTLE_NANOS) {
            return Optional.empty();
        }
        Optional<AthleteCommand> command = screen.commandAt(s.model(), x, y);
        command.ifPresent(commands);
        return command;
    }

    /** What makes a different screen: which page, which controls, which question. */
    private static String kind(ScreenModel m) {
        CoachState state = m.coach().state();
        Question q = m.coach().question();
        boolean resting = state == CoachState.RESTING || (state == CoachState.PAUSED && m.coach().restLeftS() > 0);
        return state + "/" + q + "/" + resting;
    }
}
