package org.isoband.gateway.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.gateway.analyze.RecordedTrace;
import org.isoband.gateway.analyze.TraceAnalysis;

/**
 * Draws a recording as a PNG: the force trace, each rep shaded by its verdict with its steady stretch marked
 * as a bar at its mean level and the rest tension it was measured against. Long recordings are drawn as the
 * minimum and maximum of each pixel column, so an hour at 1 kHz plots as fast as a minute.
 */
public final class TracePlot {
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color TRACE = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);

    private final int width;
    private final int height;

    public TracePlot(int width, int height) {
        if (width < 300 || height < 200) {
            throw new IllegalArgumentException("plot must be at least 300x200 pixels");
        }
        this.width = width;
        this.height = height;
    }

    /**
     * Whether {@code png} can be written, checked before a long analysis: null when it can, else what is
     * wrong (the folder is missing, not a folder, or not writable).
     */
    public static String problemWriting(Path png) {
        Path dir = png.toAbsolutePath().getParent();
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            return "the folder " + dir + " does not exist";
        }
        if (!java.nio.file.Files.isWritable(dir)) {
            return "the folder " + dir + " is not writable";
        }
        if (java.nio.file.Files.isDirectory(png)) {
            return png + " is a folder";
        }
        return null;
    }

    public void write(TraceAnalysis analysis, Path png) throws IOException {
        if (!ImageIO.write(render(analysis), "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    public BufferedImage render(TraceAnalysis analysis) {
        RecordedTrace trace = analysis.samples();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Scale scale = Scale.of(trace, analysis, width, height);
            drawGrid(g, scale);
            for (RepEvent rep : analysis.reps()) {
                drawRep(g, scale, rep);
            }
            drawTrace(g, scale, trace);
            drawTitle(g, analysis);
            drawLegend(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Maps seconds and newtons to pixels. */
    private record Scale(double t0, double t1, double f0, double f1, int width, int height) {
        static Scale of(RecordedTrace trace, TraceAnalysis analysis, int width, int height) {
            double t0 = trace.size() > 0 ? trace.seconds(0) : 0;
            double t1 = trace.size() > 0 ? trace.seconds(trace.size() - 1) : 1;
            double lo = 0;
            double hi = 1;
            for (int i = 0; i < trace.size(); i++) {
                double f = trace.newtons(i);
                if (Double.isFinite(f)) {
                    lo = Math.min(lo, f);
                    hi = Math.max(hi, f);
                }
            }
            return new Scale(t0, Math.max(t1, t0 + 1e-3), lo, hi + (hi - lo) * 0.12, width, height);
        }

        double x(double seconds) {
            return LEFT + (seconds - t0) / (t1 - t0) * (width - LEFT - RIGHT);
        }

        double y(double newtons) {
            return height - BOTTOM - (newtons - f0) / (f1 - f0) * (height - TOP - BOTTOM);
        }
    }

    private void drawGrid(Graphics2D g, Scale s) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double fStep = niceStep(s.f1() - s.f0(), 6);
        for (double f = Math.ceil(s.f0() / fStep) * fStep; f <= s.f1(); f += fStep) {
            int y = (int) s.y(f);
            g.setColor(GRID);
            g.drawLine(LEFT, y, width - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            String label = format("%.0f", f);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        double tStep = niceStep(s.t1() - s.t0(), 10);
        for (double t = Math.ceil(s.t0() / tStep) * tStep; t <= s.t1(); t += tStep) {
            int x = (int) s.x(t);
            g.setColor(GRID);
            g.drawLine(x, TOP, x, height - BOTTOM);
            g.setColor(Color.DARK_GRAY);
            String label = format("%.0f", t);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, height - BOTTOM + 16);
        }
        g.drawString("time (s)", width / 2 - 20, height - BOTTOM + 34);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString("force (N)", -(height / 2) - 25, 18);
        rotated.dispose();
    }

    private void drawRep(Graphics2D g, Scale s, RepEvent rep) {
        Color color = VerdictColors.of(rep.verdict());
        int x0 = (int) s.x(rep.startSeconds());
        int x1 = (int) Math.ceil(s.x(rep.endSeconds()));
        g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
        g.fillRect(x0, TOP, Math.max(1, x1 - x0), height - TOP - BOTTOM);

        g.setColor(color.darker());
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        int yRest = (int) s.y(rep.restN());
        g.drawLine(x0, yRest, x1, yRest);

        if (rep.steadySeconds() > 0) {
            double from = rep.steadyStartNanos() / 1e9;
            int sx0 = (int) s.x(from);
            int sx1 = (int) s.x(from + rep.steadySeconds());
            int y = (int) s.y(rep.meanN());
            g.setStroke(new BasicStroke(5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            g.setColor(color);
            g.drawLine(sx0, y - 12, sx1, y - 12);
        }
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        g.setColor(color.darker());
        // A rep the recording starts or ends inside was not seen whole: say so on it.
        String label = "#" + rep.rep() + " " + rep.verdict() + (rep.truncated() ? " (cut)" : "");
        g.drawString(label, x0 + 2, TOP + 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(format("%.1f s", rep.steadySeconds()), x0 + 2, TOP + 28);
    }

    private void drawTrace(Graphics2D g, Scale s, RecordedTrace trace) {
        g.setColor(TRACE);
        g.setStroke(new BasicStroke(1.2f));
        Path2D.Double path = new Path2D.Double();
        int column = Integer.MIN_VALUE;
        double lo = 0;
        double hi = 0;
        boolean started = false;
        for (int i = 0; i < trace.size(); i++) {
            double f = trace.newtons(i);
            if (!Double.isFinite(f)) {
                continue;
            }
            int x = (int) s.x(trace.seconds(i));
            if (x != column) {
                if (started) {
                    path.lineTo(column, s.y(lo));
                    path.lineTo(column, s.y(hi));
                } else if (column != Integer.MIN_VALUE) {
                    path.moveTo(column, s.y(lo));
                    path.lineTo(column, s.y(hi));
                    started = true;
                }
                column = x;
                lo = f;
                hi = f;
            } else {
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
            }
        }
        if (started) {
            path.lineTo(column, s.y(lo));
            path.lineTo(column, s.y(hi));
            g.draw(path);
        }
    }

    private void drawTitle(Graphics2D g, TraceAnalysis a) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        String name = Path.of(a.source()).getFileName().toString();
        g.drawString(name, LEFT, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(format("%d reps: %d held, %d short, %d moved, %d unsteady  (hold target %.1f s; bar = steady stretch, dashes = rest tension)",
                a.reps().size(), a.count(Verdict.HELD), a.count(Verdict.SHORT), a.count(Verdict.MOVED),
                a.count(Verdict.UNSTEADY), a.holdTargetS()), LEFT, 40);
    }

    private void drawLegend(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int x = width - RIGHT - 5;
        Verdict[] verdicts = Verdict.values();
        for (int i = verdicts.length - 1; i >= 0; i--) {
            String name = verdicts[i].name();
            int w = g.getFontMetrics().stringWidth(name);
            x -= w;
            g.setColor(Color.DARK_GRAY);
            g.drawString(name, x, 22);
            x -= 16;
            g.setColor(VerdictColors.of(verdicts[i]));
            g.fillRect(x, 12, 12, 12);
            x -= 12;
        }
    }

    private static double niceStep(double range, int ticks) {
        double raw = range / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        double nice = r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10;
        return nice * magnitude;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
