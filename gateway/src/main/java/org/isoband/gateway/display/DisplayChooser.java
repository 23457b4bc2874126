package org.isoband.gateway.display;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.input.EvdevTouch;
import org.isoband.gateway.input.InputEventLayout;
import org.isoband.gateway.input.TouchGeometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks where the screen goes. {@code auto}: a window when there is a desktop, else the framebuffer when it
 * can be written, else the terminal view, else plain log lines; never an error for a headless machine.
 */
public final class DisplayChooser {
    private static final Logger LOG = LoggerFactory.getLogger(DisplayChooser.class);

    private DisplayChooser() {
    }

    /**
     * @param output      auto, window, fullscreen, framebuffer, terminal or none
     * @param framebuffer the framebuffer device, e.g. /dev/fb0
     * @return the display, or null for {@code none}
     */
    public static Display choose(String output, int width, int height, Path framebuffer, DisplayControls controls) {
        return choose(output, width, height, framebuffer, controls, AUTO_TOUCH);
    }

    /** Touch found by its capabilities, with the official 7" screen's axes. */
    public static final GatewayConfig.Touch AUTO_TOUCH = new GatewayConfig.Touch(true, null, 0, 799, 0, 479, 0, 0);

    /** @param touch the framebuffer's touchscreen (a window gets touches as pointer events) */
    public static Display choose(String output, int width, int height, Path framebuffer, DisplayControls controls,
                                 GatewayConfig.Touch touch) {
        return switch (output) {
            case "none" -> null;
            case "window", "fullscreen" -> window(width, height, output.equals("fullscreen"), controls, true);
            case "framebuffer" -> framebuffer(framebuffer, true, controls, touch);
            case "terminal" -> terminal(controls);
            default -> auto(width, height, framebuffer, controls, touch);
        };
    }

    private static Display auto(int width, int height, Path framebuffer, DisplayControls controls, GatewayConfig.Touch touch) {
        Display d = window(width, height, false, controls, false);
        if (d == null) {
            d = framebuffer(framebuffer, false, controls, touch);
        }
        return d != null ? d : terminal(controls);
    }

    private static Display window(int width, int height, boolean full, DisplayControls controls, boolean asked) {
        if (GraphicsEnvironment.isHeadless()) {
            if (asked) {
                LOG.warn("a window was asked for, but there is no desktop (no DISPLAY): showing the terminal view");
            }
            return null;
        }
        try {
            return new SwingScreen(new CoachScreen(width, height), full, controls);
        } catch (RuntimeException e) {
            LOG.warn("cannot open a window (" + e.getMessage() + ")");
            return null;
        }
    }

    private static Display framebuffer(Path device, boolean asked, DisplayControls controls, GatewayConfig.Touch touch) {
        Path sysfs = Path.of("/sys/class/graphics").resolve(device.getFileName());
        if (!Files.isWritable(device) || !Files.isDirectory(sysfs)) {
            if (asked) {
                LOG.warn("cannot write to " + device + " (is the user in the 'video' group?): showing the terminal view");
            }
            return null;
        }
        try {
            FramebufferScreen screen = new FramebufferScreen(device, FramebufferScreen.Geometry.read(sysfs), controls);
            attachTouch(screen, touch);
            return screen;
        } catch (IOException e) {
            LOG.warn("cannot use " + device + ": " + e.getMessage());
            return null;
        }
    }

    /** The touchscreen, when one is configured or found; a screen without one still works (keys, button, autostart). */
    static void attachTouch(FramebufferScreen screen, GatewayConfig.Touch touch) {
        if (!touch.enabled()) {
            return;
        }
        java.util.Optional<Path> device = touch.device() != null ? java.util.Optional.of(touch.device())
                : EvdevTouch.findTouchscreen(Path.of("/proc/bus/input/devices"));
        if (device.isEmpty()) {
            LOG.info("no touchscreen among the input devices: the screen takes no touch");
            return;
        }
        InputEventLayout layout = touch.eventBytes() == 0 ? InputEventLayout.ofThisJvm() : InputEventLayout.ofSize(touch.eventBytes());
        EvdevTouch input = new EvdevTouch(device.get(), layout, new TouchGeometry(touch.xMin(), touch.xMax(), touch.yMin(),
                touch.yMax(), touch.rotation(), screen.width(), screen.height()),
                tap -> screen.taps().tap(tap.x(), tap.y(), System.nanoTime()));
        try {
            input.start();
            screen.attach(input);
        } catch (IOException e) {
            LOG.warn("cannot read the touchscreen " + device.get() + " (is the user in the 'input' group?): " + e.getMessage());
        }
    }

    private static Display terminal(DisplayControls controls) {
        boolean console = System.console() != null;
        return new TerminalScreen(System.out, console, controls, console);
    }
}
