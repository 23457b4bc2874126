package org.isoband.gateway.display;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the latest screen model on a {@link Display} at a fixed frame rate, on its own thread, so that a slow
 * output (a framebuffer write, a terminal) never holds up the session.
 */
public final class DisplayLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DisplayLoop.class);

    private final Display display;
    private final Supplier<ScreenModel> models;
    private final long frameNanos;
    private final Thread thread;
    private volatile boolean running = true;

    public DisplayLoop(Display display, Supplier<ScreenModel> models, double framesPerSecond) {
        this.display = display;
        this.models = models;
        this.frameNanos = (long) (1e9 / framesPerSecond);
        this.thread = new Thread(this::run, "display");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            ScreenModel model = models.get();
            if (model != null) {
                try {
                    display.show(model);
                } catch (RuntimeException e) {
                    LOG.warn("the display failed, the session goes on without it: " + e.getMessage());
                    return;
                }
            }
            next += frameNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ScreenModel last = models.get();
        if (last != null) {
            try {
                display.show(last);
            } catch (RuntimeException e) {
                // the last frame is a courtesy
            }
        }
        display.close();
    }
}
