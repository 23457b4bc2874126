package org.isoband.gateway.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;
import java.util.Optional;
import org.isoband.core.coach.Coach;
import org.isoband.core.coach.CoachView;
import org.isoband.core.coach.Leg;
import org.isoband.core.coach.Question;
import org.isoband.core.coach.SessionSummary;

/**
 * The screens that are mostly words: the safety notice over the whole screen (a tap anywhere goes on), the
 * Begin screen with its one large button, the end-of-session summary (it stays until tapped), and the
 * question asked before a tap skips a rep or ends the session.
 */
final class TextPages {
    private final CoachScreen.Layout layout;
    private final Graphics2D g;
    private final ScreenText text;

    TextPages(CoachScreen.Layout layout, Graphics2D g, ScreenText text) {
        this.layout = layout;
        this.g = g;
        this.text = text;
    }

    static Rectangle beginButton(CoachScreen.Layout l) {
        int w = Math.min(l.px(380), l.width() - l.px(40));
        int h = l.px(150);
        return new Rectangle((l.width() - w) / 2, (l.height() - h) / 2 + l.px(20), w, h);
    }

    /** The Begin screen's way to the dashboard's QR code: bottom right, well away from Begin. */
    static Rectangle phoneButton(CoachScreen.Layout l) {
        int w = l.px(190);
        int h = l.px(72);
        return new Rectangle(l.width() - w - l.px(14), l.height() - h - l.px(14), w, h);
    }

    /** Yes and no of a question: far apart, "keep going" the larger and on the right, where a hand rests. */
    static Rectangle[] answerButtons(CoachScreen.Layout l) {
        int y = l.height() / 2 + l.px(40);
        int h = l.px(100);
        int gap = l.px(60);
        int yesW = l.px(250);
        int noW = l.px(330);
        int left = (l.width() - yesW - gap - noW) / 2;
        return new Rectangle[] {new Rectangle(left, y, yesW, h), new Rectangle(left + yesW + gap, y, noW, h)};
    }

    void notice(CoachView c, Optional<String> batteryWarning) {
        int pad = layout.px(36);
        int width = layout.width() - 2 * pad;
        g.setColor(CoachScreen.WARN);
        text.use(34, Font.BOLD);
        // A low battery takes the title's place: it is the one thing to do before starting.
        batteryWarning.ifPresentOrElse(w -> text.fitted(w, layout.width() / 2, layout.px(62), width, 34, Font.BOLD),
                () -> text.left("Before you start", pad, layout.px(62), width));
        g.setColor(CoachScreen.TEXT);
        text.use(30, Font.PLAIN);
        int below = text.wrapped(Coach.SAFETY_TEXT, pad, layout.px(92), width, 1.12);
        g.setColor(CoachScreen.DIM);
        text.use(24, Font.BOLD);
        int footer = Math.max(below + layout.px(8), layout.height() - layout.px(c.autostartInS() >= 0 ? 62 : 30));
        g.setColor(CoachScreen.DIM);
        text.use(24, Font.BOLD);
        text.left("Tap anywhere when you have read this", pad, footer, width);
        if (c.autostartInS() >= 0) {
            text.use(CoachScreen.MIN_TEXT_PX + 2, Font.PLAIN);
            text.left(CoachScreen.format("Starting by itself in %.0f s", Math.ceil(c.autostartInS())), pad,
                    footer + layout.px(32), width);
        }
    }

    void begin(ScreenModel m, List<Control> controls) {
        CoachView c = m.coach();
        Control begin = controls.get(0);
        int pad = layout.px(24);
        m.lowBatteryWarning().ifPresent(warning -> {
            g.setColor(CoachScreen.WARN);
            text.fitted(warning, layout.width() / 2, layout.px(116), layout.width() - 2 * pad, 28, Font.BOLD);
        });
        g.setColor(CoachScreen.TEXT);
        text.use(26, Font.PLAIN);
        Rectangle b = begin.bounds();
        text.centered(CoachScreen.format("%d reps at each of %d angles, %.0f s holds", c.repsPerAngle(), c.angleCount(),
                c.holdTargetS()), layout.width() / 2, b.y - layout.px(34), layout.width() - 2 * pad);
        new CoachScreen(layout.width(), layout.height()).drawControl(g, text, begin);
        g.setColor(CoachScreen.DIM);
        text.use(22, Font.PLAIN);
        String hint = c.autostartInS() >= 0
                ? CoachScreen.format("Starting by itself in %.0f s", Math.ceil(c.autostartInS()))
                : "Get into position with the band on, then tap Begin";
        text.centered(hint, layout.width() / 2, b.y + b.height + layout.px(44), layout.width() - 2 * pad);
        CoachScreen screen = new CoachScreen(layout.width(), layout.height());
        for (Control control : controls.subList(1, controls.size())) {
            screen.drawControl(g, text, control);
            g.setColor(CoachScreen.DIM);
            text.use(CoachScreen.MIN_TEXT_PX + 2, Font.PLAIN);
            Rectangle r = control.bounds();
            text.right("On your phone: " + m.dashboard().orElseThrow().address(), r.x - pad,
                    r.y + r.height / 2 + layout.px(7), r.x - 2 * pad);
        }
    }

    void summary(CoachView c) {
        SessionSummary s = c.summary();
        int pad = layout.px(28);
        int w = layout.width();
        g.setColor(PhaseStyle.GREEN);
        text.use(32, Font.BOLD);
        text.left(CoachScreen.format("%s: %d of %d reps held", s.endedEarly() ? "Session ended" : "Session done", s.held(),
                s.totalReps()), pad, layout.px(46), w - 2 * pad);
        List<String> angles = s.cells().stream().map(SessionSummary.Cell::angleName).distinct().toList();
        int rowH = layout.px(Math.max(26, Math.min(34, 190 / Math.max(1, angles.size() + 1))));
        int colAngle = pad;
        int colRight = (int) (0.56 * w);
        int colLeft = (int) (0.80 * w);
        int y = layout.px(84);
        text.use(CoachScreen.MIN_TEXT_PX + 2, Font.BOLD);
        g.setColor(CoachScreen.DIM);
        text.left("held / tried", colAngle, y, colRight - colAngle - pad);
        text.left(header(s, Leg.RIGHT), colRight, y, colLeft - colRight - pad);
        text.left(header(s, Leg.LEFT), colLeft, y, w - colLeft - pad);
        text.use(CoachScreen.MIN_TEXT_PX + 2, Font.PLAIN);
        for (String angle : angles) {
            y += rowH;
            g.setColor(CoachScreen.TEXT);
            text.left(angle, colAngle, y, colRight - colAngle - pad);
            cell(s, Leg.RIGHT, angle, colRight, y, colLeft - colRight - pad);
            cell(s, Leg.LEFT, angle, colLeft, y, w - colLeft - pad);
        }
        y += rowH + layout.px(10);
        g.setColor(CoachScreen.TEXT);
        text.use(24, Font.PLAIN);
        text.left(CoachScreen.format("Longest hold %.1f s \u00b7 %d reps tried", s.longestHoldS(), s.tried()), pad, y, w - 2 * pad);
        y += layout.px(38);
        g.setColor(PhaseStyle.SKY);
        text.fitted(s.nextTime(), w / 2, y, w - 2 * pad, 24, Font.BOLD);
        g.setColor(CoachScreen.DIM);
        text.use(CoachScreen.MIN_TEXT_PX + 2, Font.PLAIN);
        text.centered("Tap anywhere to close", w / 2, Math.max(y + layout.px(36), layout.height() - layout.px(16)), w - 2 * pad);
    }

    private static String header(SessionSummary s, Leg leg) {
        return s.tried(leg) == 0 && s.cells().stream().noneMatch(c -> c.leg() == leg) ? leg.label()
                : CoachScreen.format("%s %d/%d", leg == Leg.RIGHT ? "Right" : "Left", s.held(leg), s.tried(leg));
    }

    private void cell(SessionSummary s, Leg leg, String angle, int x, int y, int width) {
        s.cells().stream().filter(c -> c.leg() == leg && c.angleName().equals(angle)).findFirst().ifPresentOrElse(c -> {
            g.setColor(c.tried() > 0 && c.held() == c.tried() ? PhaseStyle.GREEN : c.held() < c.tried() ? CoachScreen.WARN : CoachScreen.DIM);
            text.left(CoachScreen.format("%d / %d", c.held(), c.tried()), x, y, width);
        }, () -> {
            g.setColor(CoachScreen.DIM);
            text.left("\u2013", x, y, width);
        });
    }

    /** The question over a dimmed screen: what would happen, and the two answers. */
    void question(Question q, List<Control> controls) {
        text.covered();
        g.setColor(new Color(0, 0, 0, 200));
        g.fillRect(0, 0, layout.width(), layout.height());
        int pad = layout.px(30);
        Rectangle panel = new Rectangle(pad, layout.px(60), layout.width() - 2 * pad, layout.height() - layout.px(100));
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.fillRoundRect(panel.x, panel.y, panel.width, panel.height, layout.px(24), layout.px(24));
        g.setColor(CoachScreen.TEXT);
        text.use(36, Font.BOLD);
        text.centered(q == Question.SKIP_REP ? "Skip this rep?" : "End the session now?", layout.width() / 2,
                panel.y + layout.px(70), panel.width - 2 * pad);
        g.setColor(CoachScreen.DIM);
        text.use(24, Font.PLAIN);
        text.centered(q == Question.SKIP_REP ? "It counts as not held, and the coach moves on."
                : "The rest of the plan is left for next time.", layout.width() / 2, panel.y + layout.px(118), panel.width - 2 * pad);
        CoachScreen screen = new CoachScreen(layout.width(), layout.height());
        for (Control c : controls) {
            screen.drawControl(g, text, c);
        }
    }
}
