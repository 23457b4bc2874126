package org.isoband.gateway.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import org.isoband.gateway.qr.QrCode;

/**
 * The page with the dashboard's QR code, for a phone held at arm's length: the code as large as the screen's
 * height allows, in whole pixels per module (no blurred module edges for the camera), dark on white with its
 * quiet zone, and beside it the address in words (without the token) and what to do.
 */
final class DashboardQrPage {
    private final CoachScreen.Layout layout;
    private final Graphics2D g;
    private final ScreenText text;

    DashboardQrPage(CoachScreen.Layout layout, Graphics2D g, ScreenText text) {
        this.layout = layout;
        this.g = g;
        this.text = text;
    }

    /** Where the code goes (its quiet zone included), in whole pixels per module. */
    static Rectangle codeBounds(CoachScreen.Layout l, QrCode code) {
        int modules = code.size() + 2 * QrCode.QUIET_ZONE;
        int room = Math.min(l.height() - 2 * l.px(16), l.width() / 2);
        int module = Math.max(1, room / modules);
        int side = module * modules;
        return new Rectangle(l.px(16), (l.height() - side) / 2, side, side);
    }

    void draw(DashboardLink link) {
        QrCode code = link.code();
        Rectangle box = codeBounds(layout, code);
        int module = box.width / (code.size() + 2 * QrCode.QUIET_ZONE);
        g.setColor(Color.WHITE);
        g.fillRect(box.x, box.y, box.width, box.height);
        g.setColor(Color.BLACK);
        int x0 = box.x + QrCode.QUIET_ZONE * module;
        int y0 = box.y + QrCode.QUIET_ZONE * module;
        for (int y = 0; y < code.size(); y++) {
            for (int x = 0; x < code.size(); x++) {
                if (code.dark(x, y)) {
                    g.fillRect(x0 + x * module, y0 + y * module, module, module);
                }
            }
        }
        int left = box.x + box.width + layout.px(24);
        int width = layout.width() - left - layout.px(16);
        g.setColor(PhaseStyle.SKY);
        text.use(30, Font.BOLD);
        int y = text.wrapped("Your reps on your phone", left, layout.px(30), width, 1.05);
        g.setColor(CoachScreen.TEXT);
        text.use(22, Font.PLAIN);
        y = text.wrapped("On the home Wi-Fi, point the phone's camera at the code, or open", left, y, width, 1.1);
        text.use(22, Font.BOLD);
        text.left(link.address(), left, y + layout.px(6), width);
        g.setColor(CoachScreen.DIM);
        text.use(CoachScreen.MIN_TEXT_PX, Font.PLAIN);
        int bottom = layout.height() - layout.px(16);
        if (link.tokenInCode()) {
            text.wrapped("The code also holds the dashboard's access token: keep photos of it to yourself.", left,
                    y + layout.px(24), width, 1.1);
        }
        text.left("Tap anywhere to go back", left, bottom, width);
    }
}
