package org.isoband.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.RepEventJson;
import org.isoband.core.detect.SampleCounters;
import org.isoband.core.detect.Verdict;
import org.isoband.core.trace.TraceFormatException;
import org.isoband.gateway.analyze.TraceAnalysis;
import org.isoband.gateway.analyze.TraceAnalyzer;
import org.isoband.gateway.plot.TracePlot;
import picocli.CommandLine.Command;
import org.isoband.core.unit.ForceUnit;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband analyze FILE.csv}: the reps of a recording, as JSON lines (the fields README.md lists under "isoband analyze FILE.csv prints"). */
@Command(
        name = "analyze",
        header = "Find the reps in a force recording and judge each one (JSON lines, table, plot).",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Find the contractions in a force recording and judge each one.",
            "",
            "FILE is a CSV with a header row naming t_s (seconds) and force_n (newtons); other columns",
            "are ignored and lines starting with # are comments. One JSON object per rep is printed on",
            "stdout: rep, start_s, end_s, steady_s, verdict, mean_n, peak_n, cv_pct (and steady_start_s,",
            "drift_pct, rest_n, amplitude_n, dropped, truncated). Verdicts:",
            "  HELD      steady for at least the hold target",
            "  SHORT     released before the target, without moving",
            "  MOVED     the steady hold was broken by a sustained change of tension (the leg moved)",
            "  UNSTEADY  the contraction never settled",
            "  INTERRUPTED  cut by a gap of more than 2 s, or by the recording's start or end",
            "             (then \"truncated\": true)",
            "Percentages are of the contraction's amplitude above the rest tension just before it."
        },
        footer = {
            "",
            "Examples:",
            "  isoband analyze session.csv",
            "  isoband analyze session.csv --summary --plot session.png",
            "  isoband analyze session.csv --hold 8"
        })
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the recording (CSV with t_s and force_n columns)")
    Path file;

    @Option(names = "--hold", paramLabel = "SECONDS", defaultValue = "6", converter = Ranges.HoldSeconds.class,
            description = "hold target: a steady stretch this long is HELD (default: ${DEFAULT-VALUE} s)")
    double holdSeconds;

    @Option(names = "--summary", description = "print a table for people instead of JSON lines")
    boolean summary;

    @Option(names = "--plot", paramLabel = "OUT.png",
            description = "also draw the trace with each rep shaded by verdict and its steady stretch marked")
    Path plot;

    @Option(names = "--unit", paramLabel = "N|kg|lb", defaultValue = "N", converter = Ranges.Unit.class,
            description = "force unit of the table, and of extra JSON fields (mean_kg, ...) beside the newtons (default: N)")
    ForceUnit unit;

    @Option(names = "--full-scale", paramLabel = "NEWTONS", converter = Ranges.Newtons.class,
            description = "the sensor's full scale: readings at or above it are saturated and dropped")
    Double fullScale;

    @Override
    public Integer call() throws TraceFormatException, IOException {
        DetectorConfig config = config();
        if (plot != null && TracePlot.problemWriting(plot) != null) {
            throw new UserError("--plot " + plot + ": cannot write there: " + TracePlot.problemWriting(plot));
        }
        PrintWriter out = spec.commandLine().getOut();
        TraceAnalysis analysis = new TraceAnalyzer(config).analyze(file, plot != null, rep -> {
            if (!summary) {
                out.println(inUnit(RepEventJson.toLine(rep), rep, unit));
            }
        }, spec.commandLine().getErr());
        if (summary) {
            printSummary(out, analysis, unit);
        }
        out.flush();
        analysis.notes().forEach(note -> spec.commandLine().getErr().println("isoband analyze: " + note));
        reportDropped(analysis.counters());
        if (plot != null) {
            try {
                new TracePlot(1600, 600).write(analysis, plot);
            } catch (IOException e) {
                throw new UserError("--plot " + plot + ": cannot write: " + e.getMessage());
            }
            spec.commandLine().getErr().println("isoband analyze: plot written to " + plot);
        }
        return 0;
    }

    /** The detector's JSON line (newtons, unchanged), with the force fields also in {@code unit} at its end. */
    static String inUnit(String line, RepEvent rep, ForceUnit unit) {
        if (unit == ForceUnit.N) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.substring(0, line.length() - 1));
        String[] names = {"mean", "peak", "rest", "amplitude"};
        double[] values = {rep.meanN(), rep.peakN(), rep.restN(), rep.amplitudeN()};
        for (int i = 0; i < names.length; i++) {
            sb.append(",\"").append(names[i]).append(unit.suffix()).append("\":")
                    .append(Double.isFinite(values[i]) ? String.format(Locale.ROOT, "%.2f", unit.fromNewtons(values[i])) : "null");
        }
        return sb.append('}').toString();
    }

    private DetectorConfig config() {
        DetectorConfig config = DetectorConfig.DEFAULTS.withHoldTarget(holdSeconds);
        return fullScale == null ? config : config.withFullScale(fullScale);
    }

    private void reportDropped(SampleCounters c) {
        if (c.wild() > 0) {
            spec.commandLine().getErr().printf(Locale.ROOT,
                    "isoband analyze: %s: %d single wild readings replaced by their neighbour%n", file, c.wild());
        }
        if (c.dropped() > 0) {
            spec.commandLine().getErr().printf(Locale.ROOT,
                    "isoband analyze: %s: dropped %d of %d samples (%d not finite, %d out of order or repeated time, %d saturated)%n",
                    file, c.dropped(), c.dropped() + c.accepted(), c.notFinite(), c.outOfOrder(), c.saturated());
        }
    }

    private static void printSummary(PrintWriter out, TraceAnalysis a, ForceUnit unit) {
        out.printf(Locale.ROOT, "%s: %d samples, hold target %.1f s%n", a.source(), a.counters().accepted(), a.holdTargetS());
        out.println();
        String u = unit.symbol();
        out.printf(Locale.ROOT, "  rep    start      end   steady  verdict     %7s  %7s   CV %%  %7s%n", "mean " + u, "peak " + u, "rest " + u);
        for (RepEvent r : a.reps()) {
            out.printf(Locale.ROOT, "  %3d  %7.2f  %7.2f  %5.2f s  %-11s %7.1f  %7.1f  %5.1f  %7.1f%s%n",
                    r.rep(), r.startSeconds(), r.endSeconds(), r.steadySeconds(), r.verdict(), unit.fromNewtons(r.meanN()),
                    unit.fromNewtons(r.peakN()), r.cvPct(), unit.fromNewtons(r.restN()),
                    r.truncated() ? "  truncated: the recording cuts it" : "");
        }
        out.println();
        out.printf(Locale.ROOT, "%d reps: %d held, %d short, %d moved, %d unsteady%s%n", a.reps().size(),
                a.count(Verdict.HELD), a.count(Verdict.SHORT), a.count(Verdict.MOVED), a.count(Verdict.UNSTEADY),
                a.count(Verdict.INTERRUPTED) > 0 ? ", " + a.count(Verdict.INTERRUPTED) + " interrupted (by a gap or the recording's ends)" : "");
    }
}
