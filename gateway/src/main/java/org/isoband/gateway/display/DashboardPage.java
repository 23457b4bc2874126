package org.isoband.gateway.display;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.isoband.core.coach.CoachState;

/**
 * The screen's own page with the dashboard's QR code: opened from the Begin screen (the Phone button, the
 * terminal's d key), closed by a tap, by the coach leaving the Begin screen, or by itself after
 * {@link #OPEN_NANOS}, so that a code carrying the access token is not left up on an idle trainer. It changes
 * nothing in the session, so the coach never hears of it: the screen's outputs ask it to dress each model
 * ({@link #dress}). One instance per gateway, shared by the screen and the PNG snapshot, so both show the same.
 */
public final class DashboardPage implements Consumer<Tap.Page> {
    /** Long enough to get a phone out, unlock it and scan; short enough not to stay up unattended. */
    public static final long OPEN_NANOS = 90_000_000_000L;
    private static final long CLOSED = Long.MIN_VALUE;

    private final Optional<DashboardLink> link;
    private final LongSupplier clock;
    private volatile long openedAt = CLOSED;

    /** @param clock nanoseconds, monotonic (System::nanoTime; a fake one in tests) */
    public DashboardPage(Optional<DashboardLink> link, LongSupplier clock) {
        this.link = link;
        this.clock = clock;
    }

    /** No dashboard for phones: no Phone button, no page. */
    public static DashboardPage none() {
        return new DashboardPage(Optional.empty(), System::nanoTime);
    }

    public Optional<DashboardLink> link() {
        return link;
    }

    @Override
    public void accept(Tap.Page tap) {
        switch (tap) {
            case OPEN_DASHBOARD -> openedAt = clock.getAsLong();
            case CLOSE_DASHBOARD -> openedAt = CLOSED;
            case TOGGLE_DASHBOARD -> openedAt = openedAt == CLOSED ? clock.getAsLong() : CLOSED;
        }
    }

    /** {@code model} with the dashboard's link and whether its page is up (only over the Begin screen). */
    public ScreenModel dress(ScreenModel model) {
        if (model == null) {
            return null;
        }
        long opened = openedAt;
        boolean up = link.isPresent() && opened != CLOSED && model.coach().state() == CoachState.BEGIN
                && clock.getAsLong() - opened < OPEN_NANOS;
        if (!up && opened != CLOSED) {
            openedAt = CLOSED;  // gone once: leaving the Begin screen or timing out does not leave it pending
        }
        return model.withDashboard(link, up);
    }
}
