package org.isoband.gateway.mqtt;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's one thread. Every part of the publisher (connection, outbox drain, live topics) runs its
 * work here, and Paho's callbacks only hand results to it, so none of them needs a lock and the sensor thread
 * never waits on the network or the disk.
 */
final class PublisherLoop implements Executor {
    private static final Logger log = LoggerFactory.getLogger(PublisherLoop.class);

    private final ScheduledThreadPoolExecutor executor;
    private volatile boolean stopped;
    private volatile Thread thread;

    PublisherLoop(String name) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /** Whether the caller is the loop's own thread (which must never wait for the loop). */
    boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop; a task after {@link #stop} is dropped (the publisher is closing). */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guard(task));
        } catch (RejectedExecutionException e) {
            log.debug("mqtt publisher: already closed, task dropped");
        }
    }

    void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(guard(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("mqtt publisher: already closed, task dropped");
        }
    }

    void every(Runnable task, Duration first, Duration period) {
        executor.scheduleWithFixedDelay(guard(task), first.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    void atRate(Runnable task, Duration period) {
        executor.scheduleAtFixedRate(guard(task), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on the loop and waits for its result. */
    <T> T call(Callable<T> task, Duration timeout) throws ExecutionException, TimeoutException, InterruptedException {
        return executor.submit(task).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** From now on only {@link #call} runs; scheduled and periodic tasks are dropped. */
    void stopTasks() {
        stopped = true;
    }

    void shutdown() {
        stopped = true;
        executor.shutdownNow();
    }

    /** A task that logs a bug instead of silently killing the periodic task it belongs to. */
    private Runnable guard(Runnable task) {
        return () -> {
            try {
                if (!stopped) {
                    task.run();
                }
            } catch (RuntimeException e) {
                log.error("mqtt publisher: unexpected failure (a bug)", e);
            }
        };
    }
}
