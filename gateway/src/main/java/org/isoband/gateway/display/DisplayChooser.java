package org.isoband.gateway.display;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return switch (output) {
            case "none" -> null;
            case "window", "fullscreen" -> window(width, height, output.equals("fullscreen"), controls, true);
            case "framebuffer" -> framebuffer(framebuffer, true);
            case "terminal" -> terminal(controls);
            default -> auto(width, height, framebuffer, controls);
        };
    }

    private static Display auto(int width, int height, Path framebuffer, DisplayControls controls) {
        Display d = window(width, height, false, controls, false);
        if (d == null) {
            d = framebuffer(framebuffer, false);
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

    private static Display framebuffer(Path device, boolean asked) {
        Path sysfs = Path.of("/sys/class/graphics").resolve(device.getFileName());
        if (!Files.isWritable(device) || !Files.isDirectory(sysfs)) {
            if (asked) {
                LOG.warn("cannot write to " + device + " (is the user in the 'video' group?): showing the terminal view");
            }
            return null;
        }
        try {
            return new FramebufferScreen(device, FramebufferScreen.Geometry.read(sysfs));
        } catch (IOException e) {
            LOG.warn("cannot use " + device + ": " + e.getMessage());
            return null;
        }
    }

    private static Display terminal(DisplayControls controls) {
        boolean console = System.console() != null;
        return new TerminalScreen(System.out, console, controls, console);
    }
}
