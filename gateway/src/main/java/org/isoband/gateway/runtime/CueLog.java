package org.isoband.gateway.runtime;

import java.io.PrintWriter;
import java.util.Locale;
import org.isoband.core.coach.Cue;
import org.isoband.core.detect.RepEvent;
import org.isoband.gateway.session.RepContext;
import org.isoband.gateway.session.SessionObserver;

/** Prints what the coach says and each rep's verdict, one line each, for logs and headless demos. */
public final class CueLog implements SessionObserver {
    private final PrintWriter out;

    public CueLog(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void cue(Cue cue) {
        out.printf(Locale.ROOT, "coach: %s%n", cue.text());
        out.flush();
    }

    @Override
    public void rep(RepEvent rep, RepContext where) {
        out.printf(Locale.ROOT, "rep:   %s, %s, rep %d try %d: %s, steady %.1f s, mean %.0f N%n", where.leg().label(),
                where.angleName(), where.rep(), where.attempt(), rep.verdict(), rep.steadySeconds(), rep.meanN());
        out.flush();
    }
}
