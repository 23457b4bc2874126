package org.isoband.gateway.display;

/**
 * Somewhere the coach's screen is shown: a window, the framebuffer, the terminal. {@link #show} is called
 * from one display thread at the frame rate with the latest model; it must not block for long.
 */
public interface Display extends AutoCloseable {

    void show(ScreenModel model);

    /** What it is, for the log: "window 800x480", "framebuffer /dev/fb0 (800x480, 16 bpp)". */
    String describe();

    /** Can the athlete give commands through it (touch, pointer, keys)? Without any, the plan autostarts. */
    default boolean takesInput() {
        return false;
    }

    @Override
    void close();
}
