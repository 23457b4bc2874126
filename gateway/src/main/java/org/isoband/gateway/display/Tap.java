package org.isoband.gateway.display;

import org.isoband.core.coach.AthleteCommand;

/**
 * What pressing a control does: ask the coach something, or turn a page of the screen's own (the dashboard's
 * QR code), which the coach knows nothing about because it changes nothing in the session.
 */
public sealed interface Tap permits Tap.Coach, Tap.Page {

    /** A command for the coach: begin, pause, skip, answer a question. */
    record Coach(AthleteCommand command) implements Tap {
    }

    /** The screen's own page with the dashboard's address and QR code. */
    enum Page implements Tap {
        OPEN_DASHBOARD, CLOSE_DASHBOARD,
        /** The terminal's d key: one key opens and closes it. */
        TOGGLE_DASHBOARD
    }
}
