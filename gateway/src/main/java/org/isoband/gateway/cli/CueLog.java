package org.isoband.gateway.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.isoband.core.coach.Cue;
import org.isoband.core.detect.RepEvent;
import org.isoband.gateway.session.RepContext;
import org.isoband.gateway.session.SessionObserver;

/** Prints what the coach says and each rep's verdict, one line each, for logs and headless demos. */
final class CueLog implements SessionObserver {
    private final PrintWriter out;
    /** Quiet while the terminal view owns the terminal: its lines would land in the middle of the view. */
    private volatile boolean muted;

    CueLog(PrintWriter out) {
        this.out = out;
    }

    void mute(boolean mute) {
        muted = mute;
    }

    @Override
    public void cue(Cue cue) {
        if (muted) {
            return;
        }
        out.printf(Locale.ROOT, "coach: %s%n", cue.text());
        out.flush();
    }

    @Override
    public void rep(RepEvent rep, RepContext where) {
        if (muted) {
            return;
        }
        out.printf(Locale.ROOT, "rep:   %s, %s, rep %d try %d: %s, steady %.1f s, mean %.0f N%n", where.leg().label(),
                where.angleName(), where.rep(), where.attempt(), rep.verdict(), rep.steadySeconds(), rep.meanN());
        out.flush();
    }
}
