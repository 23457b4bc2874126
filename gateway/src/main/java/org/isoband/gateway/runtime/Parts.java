package org.isoband.gateway.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The started parts of a program, stopped in reverse order. Each start runs inside its own error handling
 * (a failed optional part is logged, a failed required one stops the ones before it and is rethrown); each
 * stop gets at most {@link #STOP_WITHIN}, so one part stuck on the network cannot keep the program from
 * ending and printing its closing line.
 */
public final class Parts {
    private static final Logger LOG = LoggerFactory.getLogger(Parts.class);
    /** Longer than any part's own bounded wait (the MQTT link waits up to 10 s for acknowledgements, then writes what is left). */
    static final Duration STOP_WITHIN = Duration.ofSeconds(15);

    private final List<Part> started;
    private final Duration stopWithin;

    private Parts(List<Part> started, Duration stopWithin) {
        this.started = started;
        this.stopWithin = stopWithin;
    }

    /** Starts {@code parts} in order. */
    public static Parts start(List<? extends Part> parts, PartContext context) throws Exception {
        return start(parts, context, STOP_WITHIN);
    }

    static Parts start(List<? extends Part> parts, PartContext context, Duration stopWithin) throws Exception {
        Parts running = new Parts(new ArrayList<>(), stopWithin);
        for (Part part : parts) {
            try {
                part.start(context);
                running.started.add(part);
                LOG.debug("started {}", part.name());
            } catch (Exception | LinkageError e) {
                if (part.required()) {
                    LOG.debug("{} did not start; stopping the parts started before it", part.name(), e);
                    running.stop();
                    throw e;
                }
                LOG.warn("{} did not start, going on without it: {}", part.name(), e.getMessage());
            }
        }
        return running;
    }

    /** The names of the parts that started, in order. */
    public List<String> names() {
        return started.stream().map(Part::name).toList();
    }

    /** Stops every started part, the last started first; idempotent. */
    public void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            stopBounded(started.get(i));
        }
        started.clear();
    }

    private void stopBounded(Part part) {
        Thread stopper = new Thread(() -> {
            try {
                part.stop();
            } catch (RuntimeException e) {
                LOG.warn("{} did not stop cleanly: {}", part.name(), e.getMessage());
            }
        }, "stop-" + part.name());
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(stopWithin.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            LOG.warn("{} did not stop within {} s; going on without waiting for it", part.name(), stopWithin.toSeconds());
        }
    }
}
