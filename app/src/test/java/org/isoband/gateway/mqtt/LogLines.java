package org.isoband.gateway.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The log lines of one logger (and those below it) while a test runs, as a user would read them (JUL: app's binding). */
final class LogLines extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<String> lines = new ArrayList<>();

    private LogLines(Logger logger) {
        this.logger = logger;
    }

    static LogLines of(String name) {
        LogLines lines = new LogLines(Logger.getLogger(name));
        lines.logger.addHandler(lines);
        return lines;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
    }

    synchronized boolean contains(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
