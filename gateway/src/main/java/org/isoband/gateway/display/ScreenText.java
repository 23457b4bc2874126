package org.isoband.gateway.display;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * All text on the coach's screen goes through here: measured before it is drawn, cut with an ellipsis when it
 * does not fit its width (never drawn over a neighbour), wrapped for the notice, and logged with its box and
 * size so that tests can check every screen for overlaps and for type too small to read at arm's length.
 */
final class ScreenText {
    /** One string as drawn: its ink box (ascent to descent) and its font size in pixels. */
    record Drawn(String text, Rectangle box, int px) {
    }

    private final Graphics2D g;
    private final double unit;
    private final List<Drawn> log = new ArrayList<>();

    /** @param unit pixels per pixel of the 800x480 design (0.6 at 480x320) */
    ScreenText(Graphics2D g, double unit) {
        this.g = g;
        this.unit = unit;
    }

    List<Drawn> log() {
        return log;
    }

    /** What was drawn so far is now under an opaque-enough cover: it no longer counts as on the screen. */
    void covered() {
        log.clear();
    }

    /** A font of {@code designPx} pixels at 800x480, never below {@link CoachScreen#MIN_TEXT_PX} there. */
    Font font(double designPx, int style) {
        int px = (int) Math.round(Math.max(CoachScreen.MIN_TEXT_PX, designPx) * unit);
        return FONTS.computeIfAbsent(px * 4 + style, k -> new Font(Font.SANS_SERIF, style, px));
    }

    /** Fonts by size and style: made once, not once a frame. */
    private static final java.util.Map<Integer, Font> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

    void use(double designPx, int style) {
        g.setFont(font(designPx, style));
    }

    int width(String text) {
        return g.getFontMetrics().stringWidth(text);
    }

    /** Draws {@code text} with its left edge at {@code x}, cut to {@code maxWidth}; returns its width. */
    int left(String text, int x, int baseline, int maxWidth) {
        String s = elide(text, maxWidth);
        draw(s, x, baseline);
        return width(s);
    }

    int right(String text, int right, int baseline, int maxWidth) {
        String s = elide(text, maxWidth);
        int w = width(s);
        draw(s, right - w, baseline);
        return w;
    }

    void centered(String text, int cx, int baseline, int maxWidth) {
        String s = elide(text, maxWidth);
        draw(s, cx - width(s) / 2, baseline);
    }

    /**
     * Writes {@code text} in the largest size from {@code designPx} down to the minimum at which it fits
     * {@code width} on one line; cuts it only if even the minimum does not fit.
     */
    void fitted(String text, int cx, int baseline, int width, double designPx, int style) {
        double px = designPx;
        use(px, style);
        while (width(text) > width && px > CoachScreen.MIN_TEXT_PX) {
            px = Math.max(CoachScreen.MIN_TEXT_PX, px - 1);
            use(px, style);
        }
        centered(text, cx, baseline, width);
    }

    /** Word-wraps {@code text} into {@code box}, top down; returns the baseline below the last line. */
    int wrapped(String text, int x, int top, int width, double lineSpacing) {
        FontMetrics fm = g.getFontMetrics();
        int lineHeight = (int) Math.round(fm.getHeight() * lineSpacing);
        int baseline = top + fm.getAscent();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > width && line.length() > 0) {
                draw(line.toString(), x, baseline);
                baseline += lineHeight;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            draw(line.toString(), x, baseline);
            baseline += lineHeight;
        }
        return baseline;
    }

    String elide(String text, int maxWidth) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= maxWidth) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && fm.stringWidth(s + "\u2026") > maxWidth) {
            s = s.substring(0, s.length() - 1);
        }
        return s.stripTrailing() + "\u2026";
    }

    private void draw(String s, int x, int baseline) {
        if (s.isEmpty()) {
            return;
        }
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, x, baseline);
        log.add(new Drawn(s, new Rectangle(x, baseline - fm.getAscent(), fm.stringWidth(s), fm.getAscent() + fm.getDescent()),
                g.getFont().getSize()));
    }
}
