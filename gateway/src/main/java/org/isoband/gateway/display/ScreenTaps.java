package org.isoband.gateway.display;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.Question;

/**
 * Taps and clicks on a shown screen, turned into the coach's commands (or the screen's own pages) by the
 * controls of the frame the athlete is looking at. A screen that has just changed ignores taps for
 * {@link #SETTLE_NANOS}: the second tap of a double tap on the notice must not press Begin, and a tap aimed at
 * the old screen must not land on the new one.
 */
public final class ScreenTaps {
    static final long SETTLE_NANOS = 350_000_000L;

    private final CoachScreen screen;
    private final DisplayControls controls;
    private final AtomicReference<Shown> shown = new AtomicReference<>();

    private record Shown(ScreenModel model, String kind, long sinceNanos) {
    }

    /** Taps that only ever give the coach's commands (a screen without pages of its own). */
    public ScreenTaps(CoachScreen screen, Consumer<AthleteCommand> commands) {
        this(screen, new DisplayControls(commands, () -> { }));
    }

    public ScreenTaps(CoachScreen screen, DisplayControls controls) {
        this.screen = screen;
        this.controls = controls;
    }

    /** The display shows {@code model} now. */
    public void shown(ScreenModel model, long nowNanos) {
        String kind = kind(model);
        shown.updateAndGet(old -> old != null && old.kind().equals(kind) ? new Shown(model, kind, old.sinceNanos())
                : new Shown(model, kind, nowNanos));
    }

    /** A press at screen pixel (x, y); returns what it did, if anything. */
    public Optional<Tap> tap(int x, int y, long nowNanos) {
        Shown s = shown.get();
        if (s == null || nowNanos - s.sinceNanos() < SETTLE_NANOS) {
            return Optional.empty();
        }
        Optional<Tap> tap = screen.tapAt(s.model(), x, y);
        tap.ifPresent(controls::tap);
        return tap;
    }

    /** What makes a different screen: which page, which controls, which question. */
    private static String kind(ScreenModel m) {
        CoachState state = m.coach().state();
        Question q = m.coach().question();
        boolean resting = state == CoachState.RESTING || (state == CoachState.PAUSED && m.coach().restLeftS() > 0);
        return state + "/" + q + "/" + resting + "/" + m.dashboardPage();
    }
}
