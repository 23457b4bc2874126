package org.isoband.gateway.display;

import org.isoband.core.unit.ForceUnit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.isoband.core.coach.CoachView;
import org.isoband.core.detect.HoldState;

/**
 * The screen as text, for a headless machine: redrawn in place on a terminal (ANSI), or, with no terminal,
 * one plain line whenever what it says changes (for logs and pipes). Keys: Enter starts or pauses, s then
 * Enter skips, q then Enter quits.
 */
public final class TerminalScreen implements Display {
    private final PrintStream out;
    private final boolean ansi;
    private String lastLine = "";

    public TerminalScreen(PrintStream out, boolean ansi, DisplayControls controls, boolean readKeys) {
        this.out = out;
        this.ansi = ansi;
        if (readKeys) {
            Thread keys = new Thread(() -> readKeys(controls), "terminal-keys");
            keys.setDaemon(true);
            keys.start();
        }
    }

    private static void readKeys(DisplayControls controls) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                controls.key(line.isEmpty() ? '\n' : line.charAt(0));
            }
        } catch (IOException e) {
            // stdin closed: keys are simply no longer read
        }
    }

    /** The one-line summary of a frame. */
    static String line(ScreenModel m) {
        CoachView c = m.coach();
        HoldState live = m.live();
        PhaseStyle style = PhaseStyle.of(c.state(), live.phase());
        String timer = live.phase().inContraction()
                ? String.format(Locale.ROOT, "%4.1f/%.0f s", live.steadySeconds(), c.holdTargetS())
                : c.restLeftS() > 0 ? String.format(Locale.ROOT, "rest %2.0f s", Math.ceil(c.restLeftS())) : "";
        return String.format(Locale.ROOT, "%-9s %s %-22s rep %d/%d %-11s %8s | %s",
                style.word(), c.leg().label(), "(" + c.angleName() + ")", c.rep(), c.repsPerAngle(), timer,
                m.unit() == ForceUnit.N ? String.format(Locale.ROOT, "%6.1f N", live.levelN()) : m.unit().format(live.levelN()),
                c.lastReason() != null && live.phase() == org.isoband.core.detect.Phase.REST
                        ? "did not count: " + c.lastReason() : c.message());
    }

    @Override
    public void show(ScreenModel model) {
        String line = line(model);
        if (ansi) {
            out.print("\r\u001b[2K" + line);
            out.flush();
        } else if (!coarse(line).equals(coarse(lastLine))) {
            out.println(line);
        }
        lastLine = line;
    }

    /** A line without its changing numbers: plain output only prints when the words change. */
    private static String coarse(String line) {
        return line.replaceAll("[0-9.]+", "#");
    }

    @Override
    public String describe() {
        return ansi ? "terminal view" : "plain log lines";
    }

    @Override
    public void close() {
        if (ansi) {
            out.println();
        }
    }
}
