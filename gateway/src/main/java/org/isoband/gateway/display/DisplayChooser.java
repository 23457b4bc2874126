package org.isoband.gateway.display;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.isoband.gateway.config.DisplayOutput;
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
     * @param framebuffer the framebuffer device, e.g. /dev/fb0
     * @return the display; none for {@link DisplayOutput#NONE}, or when a window was asked for and none opens
     *         and there is no terminal either
     */
    public static Optional<Display> choose(DisplayOutput output, int width, int height, Path framebuffer,
                                           DisplayControls controls) {
        return Optional.ofNullable(switch (output) {
            case NONE -> null;
            case WINDOW, FULLSCREEN -> window(width, height, output == DisplayOutput.FULLSCREEN, controls, true);
            case FRAMEBUFFER -> framebuffer(framebuffer, true);
            case TERMINAL -> terminal(controls);
            case AUTO -> auto(width, height, framebuffer, controls);
        });
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
