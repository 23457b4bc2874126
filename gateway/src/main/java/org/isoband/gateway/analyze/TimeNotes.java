package org.isoband.gateway.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isoband.core.trace.TraceFormatException;

/**
 * What a recording's time did that the user should hear about, each kind said once with its first line
 * and how often it happened: the clock going back (a new segment, no sample lost), single times out of
 * line (that sample dropped), lines skipped.
 */
final class TimeNotes {
    private final String source;
    private int restarts;
    private String firstRestart;
    private int outOfLine;
    private String firstOutOfLine;
    private int skipped;
    private String firstSkipped;

    TimeNotes(String source) {
        this.source = source;
    }

    void wentBack(int line, double fromS, double toS) {
        if (restarts++ == 0) {
            firstRestart = String.format(Locale.ROOT,
                    "%s, line %d: the time goes back from %.3f s to %.3f s: a new segment starts there "
                            + "(a clock that restarted); no sample is dropped", source, line, fromS, toS);
        }
    }

    void outOfLine(int line, double timeS) {
        if (outOfLine++ == 0) {
            firstOutOfLine = String.format(Locale.ROOT,
                    "%s, line %d, field t_s: time %s s is ahead of the lines around it: that sample is dropped",
                    source, line, timeS);
        }
    }

    void skipped(TraceFormatException problem) {
        if (skipped++ == 0) {
            firstSkipped = problem.getMessage();
        }
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        add(out, firstRestart, restarts, "restarts");
        add(out, firstOutOfLine, outOfLine, "times out of line");
        add(out, firstSkipped, skipped, "lines skipped");
        return out;
    }

    private static void add(List<String> out, String first, int count, String what) {
        if (first != null) {
            out.add(count > 1 ? first + " (" + (count - 1) + " more " + what + " after it)" : first);
        }
    }
}
