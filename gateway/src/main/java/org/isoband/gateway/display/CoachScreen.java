package org.isoband.gateway.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.CoachView;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.device.source.LinkState;

/**
 * Draws the coach's screen with Java2D for any size, laid out for the official 800x480 Pi touchscreen and
 * 480x320 SPI screens: where the athlete is in the plan, a ring timer that fills to the hold target (or
 * empties through a rest), the live force with its rest tension and steady band, the phase in large words
 * and colour, and the coach's last words. Type is sized to be read from the floor at 2 m.
 */
public final class CoachScreen {
    static final Color BACKGROUND = new Color(0x11, 0x11, 0x11);
    static final Color RING_EMPTY = new Color(0x3A, 0x3A, 0x3A);
    static final Color TEXT = Color.WHITE;
    static final Color DIM = new Color(0xAA, 0xAA, 0xAA);
    static final Color WARN = new Color(0xD5, 0x5E, 0x00);
    private static final double TRACE_WINDOW_S = 10;

    private final Layout layout;

    public CoachScreen(int width, int height) {
        this.layout = Layout.of(width, height);
    }

    public Layout layout() {
        return layout;
    }

    /** Where things are, so that outputs and tests can find them. */
    public record Layout(int width, int height, int ringX, int ringY, int ringRadius, int ringThickness,
                         Rectangle trace, Rectangle phaseBox, Rectangle topBar, Rectangle messageBar) {
        static Layout of(int w, int h) {
            if (w < 320 || h < 240) {
                throw new IllegalArgumentException("screen too small: " + w + "x" + h + " (at least 320x240)");
            }
            int radius = (int) Math.min(0.27 * h, 0.19 * w);
            return new Layout(w, h, (int) (0.22 * w), (int) (0.52 * h), radius, Math.max(8, (int) (0.06 * h)),
                    new Rectangle((int) (0.45 * w), (int) (0.17 * h), (int) (0.52 * w), (int) (0.52 * h)),
                    new Rectangle((int) (0.45 * w), (int) (0.73 * h), (int) (0.52 * w), (int) (0.15 * h)),
                    new Rectangle(0, 0, w, (int) (0.13 * h)),
                    new Rectangle(0, (int) (0.89 * h), w, h - (int) (0.89 * h)));
        }
    }

    public BufferedImage render(ScreenModel model) {
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            render(model, g);
        } finally {
            g.dispose();
        }
        return image;
    }

    public void render(ScreenModel model, Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, layout.width(), layout.height());
        drawTopBar(g, model);
        drawRing(g, model);
        drawTrace(g, model);
        drawPhase(g, model);
        drawMessage(g, model);
    }

    private Font font(double fractionOfHeight, int style) {
        return new Font(Font.SANS_SERIF, style, Math.max(10, (int) (fractionOfHeight * layout.height())));
    }

    private void drawTopBar(Graphics2D g, ScreenModel m) {
        CoachView c = m.coach();
        Rectangle bar = layout.topBar();
        int pad = (int) (0.02 * layout.width());
        g.setColor(TEXT);
        g.setFont(font(0.065, Font.BOLD));
        int baseline = bar.y + (int) (bar.height * 0.62);
        g.drawString(format("%s \u00b7 %s", c.leg().label(), c.angleName()), pad, baseline);
        String rep = format("rep %d/%d", c.rep(), c.repsPerAngle()) + (c.attempt() > 1 ? format(" \u00b7 try %d", c.attempt()) : "");
        drawRight(g, rep, layout.width() - pad, baseline);
        g.setFont(font(0.035, Font.PLAIN));
        g.setColor(DIM);
        int small = bar.y + bar.height - (int) (0.005 * layout.height());
        g.drawString(format("angle %d of %d \u00b7 %d of %d reps held", c.angleIndex() + 1, c.angleCount(), c.held(), c.totalReps()),
                pad, small);
        g.setColor(m.link() == LinkState.STREAMING ? DIM : WARN);
        drawRight(g, format("sensor %s \u00b7 broker %s", m.link().name().toLowerCase(Locale.ROOT), m.broker()),
                layout.width() - pad, small);
    }

    /** The ring: fills to the hold target during a hold, empties through a rest. */
    private void drawRing(Graphics2D g, ScreenModel m) {
        Ring ring = Ring.of(m.coach(), m.live());
        int r = layout.ringRadius();
        int x = layout.ringX() - r;
        int y = layout.ringY() - r;
        g.setStroke(new BasicStroke(layout.ringThickness(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.setColor(RING_EMPTY);
        g.drawOval(x, y, 2 * r, 2 * r);
        if (ring.fraction() > 0) {
            g.setColor(ring.color());
            g.draw(new Arc2D.Double(x, y, 2 * r, 2 * r, 90, -360 * Math.min(1, ring.fraction()), Arc2D.OPEN));
        }
        g.setColor(TEXT);
        g.setFont(font(0.16, Font.BOLD));
        drawCentered(g, ring.big(), layout.ringX(), layout.ringY() + (int) (0.05 * layout.height()));
        g.setFont(font(0.045, Font.PLAIN));
        g.setColor(DIM);
        drawCentered(g, ring.small(), layout.ringX(), layout.ringY() + (int) (0.12 * layout.height()));
    }

    /** What the ring shows: a fill fraction, its colour, and the words in its middle. */
    record Ring(double fraction, Color color, String big, String small) {
        static Ring of(CoachView c, HoldState live) {
            if (live.phase().inContraction()) {
                double steady = live.steadySeconds();
                boolean reached = steady >= c.holdTargetS();
                return new Ring(steady / c.holdTargetS(), reached ? PhaseStyle.GREEN : PhaseStyle.BLUE,
                        format("%.1f", steady), format("of %.0f s", c.holdTargetS()));
            }
            return switch (c.state()) {
                case RESTING, PAUSED -> new Ring(c.restTotalS() > 0 ? c.restLeftS() / c.restTotalS() : 0, PhaseStyle.SKY,
                        format("%.0f", Math.ceil(c.restLeftS())), "s rest");
                case DONE -> new Ring(1, PhaseStyle.GREEN, String.valueOf(c.held()), "reps held");
                default -> new Ring(0, PhaseStyle.BLUE, "0.0", format("of %.0f s", c.holdTargetS()));
            };
        }
    }

    private void drawTrace(Graphics2D g, ScreenModel m) {
        Rectangle box = layout.trace();
        g.setColor(new Color(0x1C, 0x1C, 0x1C));
        g.fillRect(box.x, box.y, box.width, box.height);
        ForceHistory.Trace trace = m.trace();
        HoldState live = m.live();
        if (trace.size() < 2) {
            g.setColor(DIM);
            g.setFont(font(0.04, Font.PLAIN));
            drawCentered(g, "waiting for the sensor", box.x + box.width / 2, box.y + box.height / 2);
            return;
        }
        double tEnd = trace.seconds()[trace.size() - 1];
        double lo = Math.min(0, live.restN());
        double hi = Math.max(50, live.restN() + 20);
        for (double f : trace.newtons()) {
            hi = Math.max(hi, f);
        }
        hi *= 1.12;
        double span = hi - lo;
        java.util.function.DoubleUnaryOperator y = f -> box.y + box.height - (f - lo) / span * box.height;
        if (live.phase() == Phase.HOLD && !Double.isNaN(live.bandLowN())) {
            g.setColor(new Color(0x00, 0x9E, 0x73, 90));
            int top = (int) y.applyAsDouble(live.bandHighN());
            g.fillRect(box.x, top, box.width, Math.max(2, (int) y.applyAsDouble(live.bandLowN()) - top));
        }
        g.setColor(DIM);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        int restY = (int) y.applyAsDouble(live.restN());
        g.drawLine(box.x, restY, box.x + box.width, restY);
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < trace.size(); i++) {
            double px = box.x + box.width - (tEnd - trace.seconds()[i]) / TRACE_WINDOW_S * box.width;
            double py = y.applyAsDouble(trace.newtons()[i]);
            if (i == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        g.setStroke(new BasicStroke(Math.max(2f, layout.height() / 160f)));
        g.setColor(TEXT);
        g.draw(path);
        g.setFont(font(0.045, Font.BOLD));
        g.drawString(format("%.0f N", live.levelN()), box.x + 8, box.y + (int) (0.06 * layout.height()));
    }

    private void drawPhase(Graphics2D g, ScreenModel m) {
        PhaseStyle style = PhaseStyle.of(m.coach().state(), m.live().phase());
        Rectangle box = layout.phaseBox();
        g.setColor(style.color());
        g.fillRoundRect(box.x, box.y, box.width, box.height, box.height / 3, box.height / 3);
        g.setColor(Color.BLACK);
        g.setFont(font(0.11, Font.BOLD));
        drawCentered(g, style.word(), box.x + box.width / 2, box.y + (int) (box.height * 0.75));
    }

    private void drawMessage(Graphics2D g, ScreenModel m) {
        CoachView c = m.coach();
        Rectangle bar = layout.messageBar();
        boolean failed = c.lastReason() != null && c.state() == CoachState.RESTING;
        String text = failed ? "Did not count: " + c.lastReason() : c.message();
        g.setColor(failed ? WARN : TEXT);
        g.setFont(font(0.05, Font.PLAIN));
        drawCentered(g, fit(g, text, layout.width() - 20), layout.width() / 2, bar.y + (int) (bar.height * 0.7));
    }

    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 3 && fm.stringWidth(s + "\u2026") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "\u2026";
    }

    private static void drawCentered(Graphics2D g, String text, int cx, int baseline) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    private static void drawRight(Graphics2D g, String text, int right, int baseline) {
        g.drawString(text, right - g.getFontMetrics().stringWidth(text), baseline);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
