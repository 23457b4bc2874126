package org.isoband.gateway.config;

import java.util.Locale;

/** Where the coach's screen goes ({@code display.output}). */
public enum DisplayOutput {
    /** A window when there is a desktop, else the framebuffer when it can be written, else the terminal. */
    AUTO,
    WINDOW,
    FULLSCREEN,
    FRAMEBUFFER,
    TERMINAL,
    /** No screen at all (a headless unit, the start-up benchmark). */
    NONE;

    /** As written in the file: {@code auto}, {@code framebuffer}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
