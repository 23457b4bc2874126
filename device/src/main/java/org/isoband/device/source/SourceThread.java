package org.isoband.device.source;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The one daemon thread a source runs on, with its start, its running flag and its stop: the flag goes down,
 * the thread is woken the way its {@link StopMode} says, and the caller waits a bounded time for it to end.
 * Started once; stopping from the thread itself only lowers the flag.
 */
public final class SourceThread {

    /** How a stop wakes the thread. */
    public enum StopMode {
        /**
         * {@link Thread#interrupt}: cuts a D-Bus call, a sleep or a chip's wait short. For threads that do no file
         * I/O of their own (an interrupt closes an interruptible channel under a sink writing a file).
         */
        INTERRUPT,
        /** {@link LockSupport#unpark}: ends a {@code parkNanos} pacing wait, and never disturbs the sink's I/O. */
        UNPARK
    }

    private final String name;
    private final StopMode mode;
    private final Duration joinTimeout;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param name        the thread's name, such as {@code source-ble}
     * @param joinTimeout how long {@link #stop} waits for the thread to finish its own shutdown
     */
    public SourceThread(String name, StopMode mode, Duration joinTimeout) {
        this.name = name;
        this.mode = mode;
        this.joinTimeout = joinTimeout;
    }

    /** Starts {@code body} on the thread; throws if it was started before. */
    public synchronized void start(Runnable body) {
        if (thread != null) {
            throw new IllegalStateException(name + " was already started");
        }
        running = true;
        thread = new Thread(() -> {
            try {
                body.run();
            } finally {
                running = false;
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** True from {@link #start} until {@link #stop} or the body's end: the body's loops test it. */
    public boolean running() {
        return running;
    }

    public synchronized boolean started() {
        return thread != null;
    }

    /** Lowers the flag, wakes the thread and waits up to the join timeout for it to end. */
    public void stop() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        if (mode == StopMode.INTERRUPT) {
            t.interrupt();
        } else {
            LockSupport.unpark(t);
        }
        try {
            t.join(joinTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits, without bound, for the body to end by itself (a recording played to its end). */
    public void join() throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join();
        }
    }
}
