package org.isoband.app.cli;

import java.util.logging.LogManager;

/**
 * java.util.logging's manager, except that the JDK's own shutdown hook does not reset it. That hook
 * ({@code LogManager$Cleaner}) runs beside ours and removes every handler: under SIGTERM, {@code isoband run}'s
 * last lines (the MQTT publisher's closing line, saying what was saved and what was lost) went nowhere. The handlers
 * write to stderr and flush every line, so nothing is left to close at exit. Installed by {@link IsobandCommand}
 * before anything logs ({@code java.util.logging.manager}).
 */
public final class LogsUntilExit extends LogManager {
    private static final String JDK_SHUTDOWN_HOOK = LogManager.class.getName() + "$Cleaner";

    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().equals(JDK_SHUTDOWN_HOOK)) {
            return; // the other hooks still have something to say
        }
        super.reset();
    }
}
