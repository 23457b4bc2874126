package org.isoband.gateway.display;

import org.isoband.core.unit.ForceUnit;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.isoband.core.coach.Coach;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.CoachView;
import org.isoband.core.coach.Question;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The screen as text, for a headless machine. On a terminal: a view of a few lines redrawn in place on the
 * alternate screen, every line cut to the terminal's width (any width from 80 columns), keys read one at a
 * time without Enter (JLine puts the terminal in raw mode and gives it back on exit and on Ctrl-C), log lines
 * kept below the view instead of written across it. With no terminal: one plain line whenever its words
 * change (for logs and pipes). Keys: space starts/pauses, s skips, e ends the session, q quits.
 */
public final class TerminalScreen implements Display {
    private static final String ALT_ON = "\u001b[?1049h\u001b[?25l";
    private static final String ALT_OFF = "\u001b[?25h\u001b[?1049l";
    private static final int LOG_LINES = 3;

    private final PrintStream out;
    private final boolean ansi;
    private final Terminal terminal;
    private final Attributes saved;
    private final Deque<String> logs = new ArrayDeque<>();
    private String lastLine = "";
    private volatile boolean closed;

    public TerminalScreen(PrintStream out, boolean ansi, DisplayControls controls, boolean readKeys) {
        this.out = out;
        this.ansi = ansi;
        Terminal t = null;
        Attributes before = null;
        if (ansi && readKeys) {
            try {
                t = TerminalBuilder.builder().system(true).jna(false).jansi(false).nativeSignals(false).build();
                before = t.enterRawMode();
            } catch (IOException | RuntimeException e) {
                t = null;
            }
        }
        this.terminal = t;
        this.saved = before;
        if (ansi) {
            out.print(ALT_ON);
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(this::restore, "terminal-restore"));
        }
        if (readKeys && terminal != null) {
            Thread keys = new Thread(() -> readKeys(controls), "terminal-keys");
            keys.setDaemon(true);
            keys.start();
        }
    }

    private void readKeys(DisplayControls controls) {
        try {
            while (!closed) {
                int c = terminal.reader().read();
                if (c < 0) {
                    return;
                }
                controls.key((char) c);
            }
        } catch (IOException e) {
            // the terminal went away: keys are simply no longer read
        }
    }

    /** A log line, shown under the view rather than across it. */
    public synchronized void log(String line) {
        logs.addLast(line.strip());
        while (logs.size() > LOG_LINES) {
            logs.removeFirst();
        }
    }

    @Override
    public boolean takesInput() {
        return terminal != null;
    }

    /** The one-line summary of a frame (plain output). */
    static String line(ScreenModel m) {
        CoachView c = m.coach();
        HoldState live = m.live();
        PhaseStyle style = PhaseStyle.of(c.state(), live.phase());
        return String.format(Locale.ROOT, "%-9s %s %-22s rep %d/%d %-11s %8s | %s",
                style.word(), c.leg().label(), "(" + c.angleName() + ")", c.rep(), c.repsPerAngle(), timer(c, live),
                m.unit() == ForceUnit.N ? String.format(Locale.ROOT, "%6.1f N", live.levelN()) : m.unit().format(live.levelN()),
                words(c, live));
    }

    private static String timer(CoachView c, HoldState live) {
        return live.phase().inContraction() && c.state() != CoachState.PAUSED
                ? String.format(Locale.ROOT, "%4.1f/%.0f s", live.steadySeconds(), c.holdTargetS())
                : c.restLeftS() > 0 ? String.format(Locale.ROOT, "rest %2.0f s", Math.ceil(c.restLeftS())) : "";
    }

    private static String words(CoachView c, HoldState live) {
        return c.lastReason() != null && live.phase() == Phase.REST && c.state() == CoachState.RESTING
                ? "did not count: " + c.lastReason() : c.message();
    }

    /** The view's lines for a terminal {@code width} columns wide, each at most that wide (24 rows). */
    static List<String> view(ScreenModel m, int width) {
        return view(m, width, 24);
    }

    /** The view's lines for a terminal {@code width} x {@code height}, each line at most {@code width} wide. */
    static List<String> view(ScreenModel m, int width, int height) {
        CoachView c = m.coach();
        HoldState live = m.live();
        List<String> lines = new ArrayList<>();
        if (m.dashboardPage()) {
            return dashboard(m.dashboard().orElseThrow(), width, height);
        }
        m.lowBatteryWarning().ifPresent(w -> lines.add("!! " + w + " !!"));
        switch (c.state()) {
            case SAFETY_NOTICE -> {
                lines.add("BEFORE YOU START");
                lines.addAll(wrap(Coach.SAFETY_TEXT, width));
                lines.add("");
                lines.add("Press space when you have read this." + autostart(c));
            }
            case BEGIN -> {
                lines.add(String.format(Locale.ROOT, "%s, %s: %d reps at each of %d angles, %.0f s holds", c.leg().label(),
                        c.angleName(), c.repsPerAngle(), c.angleCount(), c.holdTargetS()));
                lines.add("");
                lines.add("Press space to begin." + autostart(c));
                if (m.offersDashboard()) {
                    lines.add("");
                    lines.add("Your reps on your phone: " + m.dashboard().orElseThrow().address() + "  (d: its QR code)");
                }
            }
            case DONE -> {
                lines.addAll(c.summary().lines());
                lines.add("");
                lines.add("Press space or q to close.");
            }
            default -> {
                PhaseStyle style = PhaseStyle.of(c.state(), live.phase());
                String where = String.format(Locale.ROOT, "%s \u00b7 %s", c.leg().label(), c.angleName());
                String rep = String.format(Locale.ROOT, "rep %d/%d", c.rep(), c.repsPerAngle())
                        + (c.attempt() > 1 ? String.format(Locale.ROOT, " \u00b7 try %d", c.attempt()) : "");
                lines.add(twoSides(style.word() + "  " + where, rep, width));
                lines.add(bar(c, live, width));
                lines.add(m.unit().format(live.levelN()) + "   (rest " + m.unit().format(live.restN()) + ")"
                        + c.target().map(t -> "   target " + m.unit().format(t.lowN()) + "-" + m.unit().format(t.highN())).orElse(""));
                lines.add(words(c, live));
                lines.add(String.format(Locale.ROOT, "angle %d of %d \u00b7 %d of %d reps held \u00b7 sensor %s%s \u00b7 MQTT %s",
                        c.angleIndex() + 1, c.angleCount(), c.held(), c.totalReps(), m.link().name().toLowerCase(Locale.ROOT),
                        m.batteryNote().map(b -> " \u00b7 " + b).orElse(""), m.broker()));
            }
        }
        if (c.question() != Question.NONE) {
            lines.add("");
            lines.add(c.question() == Question.SKIP_REP ? "Skip this rep? y / n" : "End the session now? y / n");
        }
        lines.add("");
        lines.add("keys: space start/pause \u00b7 s skip \u00b7 e end session" + (m.offersDashboard() ? " \u00b7 d phone" : "")
                + " \u00b7 q quit");
        return lines.stream().map(l -> cut(l, width)).toList();
    }

    /**
     * The dashboard's page: the address, and its QR code in half blocks when the terminal is large enough for
     * all of it (a code cut at the edge does not scan, so it is whole or not there).
     */
    private static List<String> dashboard(DashboardLink link, int width, int height) {
        List<String> lines = new ArrayList<>();
        lines.add("YOUR REPS ON YOUR PHONE: " + link.address());
        // A quiet zone of 2 modules (phones read that; the standard's 4 would not fit 24 rows with a version 5 code).
        List<String> code = link.code().asText(2);
        int codeWidth = code.get(0).length();
        // The view keeps one row free at the bottom, and the title and the key line take two more.
        if (codeWidth <= width && code.size() + 3 <= height) {
            lines.addAll(code);
        } else {
            lines.add(String.format(Locale.ROOT, "(the QR code needs a terminal of %dx%d; this one is %dx%d)",
                    codeWidth, code.size() + 3, width, height));
        }
        lines.add("d: back \u00b7 space: begin" + (link.tokenInCode() ? " \u00b7 the code holds the access token" : ""));
        return lines.stream().map(l -> cut(l, width)).toList();
    }

    private static String autostart(CoachView c) {
        return c.autostartInS() >= 0 ? String.format(Locale.ROOT, " Starting by itself in %.0f s.", Math.ceil(c.autostartInS())) : "";
    }

    /** The timer as a bar: the hold filling to its target, or the rest emptying. */
    private static String bar(CoachView c, HoldState live, int width) {
        String label = timer(c, live);
        double fraction = live.phase().inContraction() && c.state() != CoachState.PAUSED
                ? Math.min(1, live.steadySeconds() / c.holdTargetS())
                : c.restTotalS() > 0 ? c.restLeftS() / c.restTotalS() : 0;
        int cells = Math.max(10, Math.min(50, width - label.length() - 4));
        int full = (int) Math.round(fraction * cells);
        return "[" + "#".repeat(full) + ".".repeat(cells - full) + "] " + label;
    }

    private static String twoSides(String left, String right, int width) {
        int room = width - right.length() - 1;
        String l = cut(left, Math.max(1, room));
        return l + " ".repeat(Math.max(1, width - l.length() - right.length())) + right;
    }

    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "\u2026";
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    @Override
    public synchronized void show(ScreenModel model) {
        if (closed) {
            return;
        }
        if (!ansi) {
            String line = line(model);
            if (!coarse(line).equals(coarse(lastLine))) {
                out.println(line);
            }
            lastLine = line;
            return;
        }
        int width = terminal != null && terminal.getWidth() > 0 ? terminal.getWidth() : 80;
        int height = terminal != null && terminal.getHeight() > 0 ? terminal.getHeight() : 24;
        List<String> lines = new ArrayList<>(view(model, width, height));
        if (!logs.isEmpty()) {
            lines.add("");
            logs.forEach(l -> lines.add(cut(l, width)));
        }
        StringBuilder frame = new StringBuilder("\u001b[H");
        for (int i = 0; i < Math.min(lines.size(), height - 1); i++) {
            frame.append(lines.get(i)).append("\u001b[K\r\n");
        }
        frame.append("\u001b[J");
        out.print(frame);
        out.flush();
    }

    /** A line without its changing numbers: plain output only prints when the words change. */
    private static String coarse(String line) {
        return line.replaceAll("[0-9.]+", "#");
    }

    @Override
    public String describe() {
        return ansi ? "terminal view" + (terminal != null ? "" : " (no keys: not a terminal JLine can use)") : "plain log lines";
    }

    /** Gives the terminal back as it was: the main screen, the cursor, echo and line editing. */
    private synchronized void restore() {
        if (closed) {
            return;
        }
        closed = true;
        if (ansi) {
            out.print(ALT_OFF);
            out.flush();
        }
        if (terminal != null) {
            try {
                terminal.setAttributes(saved);
                terminal.close();
            } catch (IOException | RuntimeException e) {
                // the terminal is going away with the program
            }
        }
    }

    @Override
    public void close() {
        restore();
    }
}
