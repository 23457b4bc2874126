package org.isoband.gateway.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.isoband.core.unit.ForceUnit;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.CoachView;
import org.isoband.core.coach.ForceTarget;
import org.isoband.core.coach.Question;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.device.source.LinkState;

/**
 * Draws the coach's screen with Java2D for any size, laid out for the official 800x480 Pi touchscreen (and
 * scaled for 480x320 SPI screens) to be read at arm's length: where the athlete is in the plan, a ring in
 * the phase's colour that fills to the hold target or empties through the one rest countdown, the live
 * force in large type over its trace with the rest line (and the target band when the plan has one), the
 * phase word in the same colour as the ring, the coach's last words, and finger-sized controls. The notice,
 * the Begin screen, the summary and questions are {@link TextPages}. {@link #controls} says where the
 * controls of a model are, for the touch and pointer inputs.
 */
public final class CoachScreen {
    /** No text smaller than this many pixels at 800x480 (scaled with the screen). */
    public static final int MIN_TEXT_PX = 18;
    /** No control smaller than this at 800x480: about 9 mm on the 7" panel, a fingertip. */
    public static final int MIN_CONTROL_PX = 60;
    static final Color BACKGROUND = new Color(0x11, 0x11, 0x11);
    static final Color RING_EMPTY = new Color(0x3A, 0x3A, 0x3A);
    static final Color TEXT = Color.WHITE;
    static final Color DIM = new Color(0xBB, 0xBB, 0xBB);
    static final Color WARN = new Color(0xD5, 0x5E, 0x00);
    static final Color BUTTON = new Color(0x33, 0x33, 0x33);
    private static final double TRACE_WINDOW_S = 10;

    private final Layout layout;

    public CoachScreen(int width, int height) {
        this.layout = Layout.of(width, height);
    }

    public Layout layout() {
        return layout;
    }

    /**
     * Where things are, so that outputs and tests can find them.
     *
     * @param unit screen pixels per pixel of the 800x480 design
     */
    public record Layout(int width, int height, double unit, int ringX, int ringY, int ringRadius, int ringThickness,
                         Rectangle trace, Rectangle phaseBox, Rectangle topBar, Rectangle messageBar, Rectangle controlBar) {
        static Layout of(int w, int h) {
            if (w < 320 || h < 240) {
                throw new IllegalArgumentException("screen too small: " + w + "x" + h + " (at least 320x240)");
            }
            double u = Math.min(w / 800.0, h / 480.0);
            int controlsTop = h - (int) (76 * u);
            int messageTop = controlsTop - (int) (44 * u);
            int mainTop = (int) (78 * u);
            int mainBottom = messageTop - (int) (4 * u);
            int ringRadius = (int) Math.min((mainBottom - mainTop) / 2.0 - 14 * u, 0.17 * w);
            int right = (int) (0.37 * w);
            Rectangle phase = new Rectangle(right, mainBottom - (int) (58 * u), w - right - (int) (12 * u), (int) (58 * u));
            return new Layout(w, h, u, (int) (0.185 * w), (mainTop + mainBottom) / 2, ringRadius, Math.max(8, (int) (20 * u)),
                    new Rectangle(right, mainTop, w - right - (int) (12 * u), phase.y - mainTop - (int) (8 * u)), phase,
                    new Rectangle(0, 0, w, (int) (72 * u)),
                    new Rectangle(0, messageTop, w, controlsTop - messageTop),
                    new Rectangle(0, controlsTop, w, h - controlsTop));
        }

        int px(double designPx) {
            return (int) Math.round(designPx * unit);
        }
    }

    /** A rendered screen: the image, every text on it (where and how large), and its controls. */
    public record Frame(BufferedImage image, List<ScreenText.Drawn> texts, List<Control> controls) {
    }

    public BufferedImage render(ScreenModel model) {
        return frame(model).image();
    }

    public Frame frame(ScreenModel model) {
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            List<ScreenText.Drawn> texts = render(model, g);
            return new Frame(image, texts, controls(model));
        } finally {
            g.dispose();
        }
    }

    /** Draws the model; returns the texts drawn. */
    public List<ScreenText.Drawn> render(ScreenModel model, Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, layout.width(), layout.height());
        ScreenText text = new ScreenText(g, layout.unit());
        TextPages pages = new TextPages(layout, g, text);
        CoachView c = model.coach();
        if (model.dashboardPage()) {
            new DashboardQrPage(layout, g, text).draw(model.dashboard().orElseThrow());
            return text.log();
        }
        switch (c.state()) {
            case SAFETY_NOTICE -> pages.notice(c, model.lowBatteryWarning());
            case BEGIN -> {
                drawTopBar(g, text, model);
                pages.begin(model, controls(model));
            }
            case DONE -> pages.summary(c);
            default -> {
                drawTopBar(g, text, model);
                drawRing(g, text, model);
                drawTrace(g, text, model);
                drawPhase(g, text, model);
                drawMessage(g, text, model);
                for (Control control : controls(model)) {
                    drawControl(g, text, control);
                }
            }
        }
        if (c.question() != Question.NONE) {
            pages.question(c.question(), controls(model));
        }
        return text.log();
    }

    /** The controls of the screen showing {@code model}, topmost first: a tap goes to the first that holds it. */
    public List<Control> controls(ScreenModel model) {
        CoachView c = model.coach();
        int w = layout.width();
        int h = layout.height();
        List<Control> list = new ArrayList<>();
        if (model.dashboardPage()) {
            list.add(new Control("", new Rectangle(0, 0, w, h), Tap.Page.CLOSE_DASHBOARD, Control.Look.INVISIBLE));
            return list;
        }
        if (c.question() != Question.NONE) {
            Rectangle[] answers = TextPages.answerButtons(layout);
            String yes = c.question() == Question.SKIP_REP ? "Skip rep" : "End session";
            list.add(new Control(yes, answers[0], AthleteCommand.CONFIRM, Control.Look.DANGER));
            list.add(new Control("Keep going", answers[1], AthleteCommand.CANCEL, Control.Look.MAIN));
            // Anywhere else keeps the question: an answer is a deliberate tap on one of the two.
            list.add(new Control("", new Rectangle(0, 0, w, h), AthleteCommand.CANCEL, Control.Look.INVISIBLE));
            return list;
        }
        switch (c.state()) {
            case SAFETY_NOTICE -> list.add(new Control("", new Rectangle(0, 0, w, h), AthleteCommand.ACKNOWLEDGE, Control.Look.INVISIBLE));
            case BEGIN -> {
                list.add(new Control("Begin", TextPages.beginButton(layout), AthleteCommand.BEGIN, Control.Look.MAIN));
                if (model.offersDashboard()) {
                    list.add(new Control("Phone", TextPages.phoneButton(layout), Tap.Page.OPEN_DASHBOARD, Control.Look.PLAIN));
                }
            }
            case DONE -> list.add(new Control("", new Rectangle(0, 0, w, h), AthleteCommand.DISMISS, Control.Look.INVISIBLE));
            default -> {
                Rectangle bar = layout.controlBar();
                int gap = layout.px(12);
                int bw = (w - 4 * gap) / 3;
                int bh = bar.height - 2 * layout.px(6);
                int y = bar.y + layout.px(6);
                boolean paused = c.state() == CoachState.PAUSED;
                list.add(new Control(paused ? "Resume" : "Pause", new Rectangle(gap, y, bw, bh),
                        paused ? AthleteCommand.RESUME : AthleteCommand.PAUSE, paused ? Control.Look.MAIN : Control.Look.PLAIN));
                boolean resting = c.state() == CoachState.RESTING || (paused && c.restLeftS() > 0);
                if (c.state() != CoachState.HOLDING) {
                    list.add(new Control(resting ? "Skip rest" : "Skip rep", new Rectangle(2 * gap + bw, y, bw, bh),
                            AthleteCommand.ASK_SKIP, Control.Look.PLAIN));
                }
                list.add(new Control("End", new Rectangle(3 * gap + 2 * bw, y, bw, bh), AthleteCommand.ASK_END, Control.Look.DANGER));
            }
        }
        return list;
    }

    /** What a tap at (x, y) does on the screen showing {@code model}, if anything. */
    public java.util.Optional<Tap> tapAt(ScreenModel model, int x, int y) {
        return controls(model).stream().filter(c -> c.bounds().contains(x, y)).findFirst().map(Control::tap);
    }

    void drawControl(Graphics2D g, ScreenText text, Control control) {
        if (control.look() == Control.Look.INVISIBLE) {
            return;
        }
        Rectangle r = control.bounds();
        int arc = layout.px(18);
        Color fill = switch (control.look()) {
            case MAIN -> PhaseStyle.GREEN;
            case DANGER -> BACKGROUND;
            default -> BUTTON;
        };
        g.setColor(fill);
        g.fillRoundRect(r.x, r.y, r.width, r.height, arc, arc);
        if (control.look() == Control.Look.DANGER) {
            g.setColor(WARN);
            g.setStroke(new BasicStroke(Math.max(2, layout.px(3))));
            g.drawRoundRect(r.x, r.y, r.width, r.height, arc, arc);
        }
        g.setColor(control.look() == Control.Look.MAIN ? Color.BLACK : TEXT);
        double px = Math.min(r.height * 0.42 / layout.unit(), 40);
        text.use(px, Font.BOLD);
        text.centered(control.label(), r.x + r.width / 2, r.y + r.height / 2 + (int) (0.36 * px * layout.unit()), r.width - layout.px(12));
    }

    /** The header: where in the plan on the left, the rep on the right, each cut so that they never meet. */
    private void drawTopBar(Graphics2D g, ScreenText text, ScreenModel m) {
        CoachView c = m.coach();
        int pad = layout.px(14);
        int w = layout.width();
        g.setColor(TEXT);
        text.use(28, Font.BOLD);
        int baseline = layout.px(34);
        String rep = format("rep %d/%d", c.rep(), c.repsPerAngle()) + (c.attempt() > 1 ? format(" \u00b7 try %d", c.attempt()) : "");
        int repWidth = text.right(rep, w - pad, baseline, w / 3);
        text.left(format("%s \u00b7 %s", c.leg().label(), c.angleName()), pad, baseline, w - 3 * pad - repWidth);
        text.use(MIN_TEXT_PX, Font.PLAIN);
        int small = layout.px(62);
        String link = format("sensor %s%s \u00b7 MQTT %s", m.link().name().toLowerCase(Locale.ROOT),
                m.batteryNote().map(b -> " \u00b7 " + b).orElse(""), m.broker());
        String plan = format("angle %d of %d \u00b7 %d of %d reps held", c.angleIndex() + 1, c.angleCount(), c.held(), c.totalReps());
        g.setColor(m.link() == LinkState.STREAMING && !m.batteryLow() ? DIM : WARN);
        // The status gets at least half the width, and what the plan line leaves (the battery lengthens it).
        int linkWidth = text.right(link, w - pad, small, Math.max(w / 2 - pad, w - 3 * pad - text.width(plan)));
        g.setColor(DIM);
        text.left(plan, pad, small, w - 3 * pad - linkWidth);
    }

    /** The ring: fills to the hold target during a hold, empties through a rest; always the phase's colour. */
    private void drawRing(Graphics2D g, ScreenText text, ScreenModel m) {
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
        int inner = 2 * (r - layout.ringThickness()) - layout.px(8);
        g.setColor(TEXT);
        text.use(64, Font.BOLD);
        text.centered(ring.big(), layout.ringX(), layout.ringY() + layout.px(4), inner);
        g.setColor(DIM);
        text.use(22, Font.PLAIN);
        text.centered(ring.small(), layout.ringX(), layout.ringY() + layout.px(52), inner);
    }

    /** What the ring shows: a fill fraction, its colour (the phase's), and the words in its middle. */
    record Ring(double fraction, Color color, String big, String small) {
        static Ring of(CoachView c, HoldState live) {
            Color colour = PhaseStyle.of(c.state(), live.phase()).color();
            if (c.state() == CoachState.PAUSED) {
                return new Ring(c.restTotalS() > 0 ? c.restLeftS() / c.restTotalS() : 0, colour,
                        c.restLeftS() > 0 ? format("%.0f", Math.ceil(c.restLeftS())) : "\u2016", c.restLeftS() > 0 ? "s rest" : "paused");
            }
            if (live.phase().inContraction()) {
                double steady = live.steadySeconds();
                return new Ring(steady / c.holdTargetS(), colour, format("%.1f", steady), format("of %.0f s", c.holdTargetS()));
            }
            return switch (c.state()) {
                case RESTING -> new Ring(c.restTotalS() > 0 ? c.restLeftS() / c.restTotalS() : 0, colour,
                        format("%.0f", Math.ceil(c.restLeftS())), "s rest");
                case DONE -> new Ring(1, colour, String.valueOf(c.held()), "reps held");
                default -> new Ring(0, colour, "0.0", format("of %.0f s", c.holdTargetS()));
            };
        }
    }

    private void drawTrace(Graphics2D g, ScreenText text, ScreenModel m) {
        Rectangle box = layout.trace();
        g.setColor(new Color(0x1C, 0x1C, 0x1C));
        g.fillRect(box.x, box.y, box.width, box.height);
        ForceHistory.Trace trace = m.trace();
        HoldState live = m.live();
        int pad = layout.px(10);
        if (trace.size() < 2) {
            g.setColor(DIM);
            text.use(22, Font.PLAIN);
            text.centered("waiting for the sensor", box.x + box.width / 2, box.y + box.height / 2, box.width - 2 * pad);
            return;
        }
        // The force in large type sits in the top band of the box; the trace is drawn below it.
        int labelBand = layout.px(58);
        Rectangle plot = new Rectangle(box.x, box.y + labelBand, box.width, box.height - labelBand);
        double tEnd = trace.seconds()[trace.size() - 1];
        double lo = Math.min(0, live.restN());
        double hi = Math.max(50, live.restN() + 20);
        for (double f : trace.newtons()) {
            hi = Math.max(hi, f);
        }
        java.util.Optional<ForceTarget> target = m.coach().target();
        if (target.isPresent()) {
            hi = Math.max(hi, target.get().highN());
        }
        hi *= 1.08;
        double span = hi - lo;
        DoubleUnaryOperator y = f -> plot.y + plot.height - (f - lo) / span * plot.height;
        if (target.isPresent()) {
            g.setColor(new Color(0xE6, 0x9F, 0x00, 70));
            int top = (int) y.applyAsDouble(target.get().highN());
            g.fillRect(plot.x, top, plot.width, Math.max(3, (int) y.applyAsDouble(target.get().lowN()) - top));
        }
        if (live.phase() == Phase.HOLD && !Double.isNaN(live.bandLowN())) {
            g.setColor(new Color(0x00, 0x9E, 0x73, 90));
            int top = (int) y.applyAsDouble(live.bandHighN());
            g.fillRect(plot.x, top, plot.width, Math.max(2, (int) y.applyAsDouble(live.bandLowN()) - top));
        }
        g.setColor(DIM);
        g.setStroke(new BasicStroke(Math.max(2f, layout.px(3)), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {layout.px(10), layout.px(7)}, 0f));
        int restY = (int) y.applyAsDouble(live.restN());
        g.drawLine(plot.x, restY, plot.x + plot.width, restY);
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < trace.size(); i++) {
            double px = plot.x + plot.width - (tEnd - trace.seconds()[i]) / TRACE_WINDOW_S * plot.width;
            double py = y.applyAsDouble(trace.newtons()[i]);
            if (i == 0) {
                path.moveTo(Math.max(plot.x, px), py);
            } else {
                path.lineTo(Math.max(plot.x, px), py);
            }
        }
        g.setStroke(new BasicStroke(Math.max(2f, layout.px(3))));
        g.setColor(TEXT);
        g.draw(path);
        text.use(48, Font.BOLD);
        int base = box.y + layout.px(48);
        ForceUnit unit = m.unit();
        int forceWidth = text.left(unit.format(live.levelN()), box.x + pad, base, box.width / 2);
        g.setColor(DIM);
        text.use(MIN_TEXT_PX + 2, Font.PLAIN);
        String right = "rest " + unit.format(live.restN())
                + target.map(t -> " \u00b7 target " + unit.format(t.lowN()).replace(" " + unit.symbol(), "") + "\u2013"
                        + unit.format(t.highN())).orElse("");
        text.right(right, box.x + box.width - pad, base, box.width - forceWidth - 3 * pad);
    }

    private void drawPhase(Graphics2D g, ScreenText text, ScreenModel m) {
        PhaseStyle style = PhaseStyle.of(m.coach().state(), m.live().phase());
        Rectangle box = layout.phaseBox();
        g.setColor(style.color());
        g.fillRoundRect(box.x, box.y, box.width, box.height, box.height / 3, box.height / 3);
        g.setColor(Color.BLACK);
        text.use(40, Font.BOLD);
        text.centered(style.word(), box.x + box.width / 2, box.y + box.height / 2 + layout.px(14), box.width - layout.px(16));
    }

    private void drawMessage(Graphics2D g, ScreenText text, ScreenModel m) {
        CoachView c = m.coach();
        Rectangle bar = layout.messageBar();
        boolean failed = c.lastReason() != null && c.state() == CoachState.RESTING;
        String words = failed ? "Did not count: " + c.lastReason() : c.message();
        g.setColor(failed ? WARN : TEXT);
        text.fitted(words, layout.width() / 2, bar.y + bar.height - layout.px(12), layout.width() - layout.px(24), 24, Font.PLAIN);
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
