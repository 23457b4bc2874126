package org.isoband.gateway.cli;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per log event on stderr: time, level, where, what. Stack traces only with {@code --verbose}: an
 * expected failure (a broker refusing the connection) is a sentence, not a trace.
 */
final class LogSetup {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger ISOBAND = Logger.getLogger("org.isoband");
    private static final Logger PI4J = Logger.getLogger("com.pi4j");
    private static final Logger DBUS = Logger.getLogger("org.freedesktop");
    /** Libraries that narrate at INFO (the embedded broker logs every message): their warnings still count. */
    private static final java.util.List<Logger> CHATTY = java.util.List.of(DBUS, Logger.getLogger("io.moquette"),
            Logger.getLogger("io.javalin"), Logger.getLogger("org.eclipse.jetty"), Logger.getLogger("org.flywaydb"),
            Logger.getLogger("io.netty"));

    private LogSetup() {
    }

    static void configure(boolean verbose) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(verbose ? Level.FINE : Level.INFO);
        handler.setFormatter(new OneLine(verbose));
        root.addHandler(handler);
        root.setLevel(verbose ? Level.FINE : Level.INFO);
        ISOBAND.setLevel(verbose ? Level.FINE : Level.INFO);
        // Pi4J narrates its start-up, and off a Pi reports the missing board as SEVERE; our own messages say
        // what failed (GpioUnavailableException carries Pi4J's reason). --verbose shows it all.
        PI4J.setLevel(verbose ? Level.INFO : Level.OFF);
        for (Logger chatty : CHATTY) {
            chatty.setLevel(verbose ? Level.INFO : Level.WARNING);
        }
    }

    /**
     * While the terminal view is up, log lines go to {@code view} (shown below it) instead of across it;
     * the returned action puts the console back.
     */
    static Runnable intoView(java.util.function.Consumer<String> view) {
        Logger root = Logger.getLogger("");
        Handler[] before = root.getHandlers();
        Formatter format = before.length > 0 && before[0].getFormatter() != null ? before[0].getFormatter() : new OneLine(false);
        Level level = before.length > 0 ? before[0].getLevel() : Level.INFO;
        Handler toView = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    view.accept(format.format(r));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        toView.setLevel(level);
        for (Handler h : before) {
            root.removeHandler(h);
        }
        root.addHandler(toView);
        return () -> {
            root.removeHandler(toView);
            for (Handler h : before) {
                root.addHandler(h);
            }
        };
    }

    private static final class OneLine extends Formatter {
        private final boolean traces;

        OneLine(boolean traces) {
            this.traces = traces;
        }

        @Override
        public String format(LogRecord r) {
            String name = r.getLoggerName() == null ? "" : r.getLoggerName();
            String where = name.substring(name.lastIndexOf('.') + 1);
            StringBuilder sb = new StringBuilder()
                    .append(LocalTime.now().format(TIME)).append(' ')
                    .append(r.getLevel().getName()).append(' ')
                    .append(where).append(": ").append(formatMessage(r)).append('\n');
            if (traces && r.getThrown() != null) {
                java.io.StringWriter trace = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                sb.append(trace);
            }
            return sb.toString();
        }
    }
}
