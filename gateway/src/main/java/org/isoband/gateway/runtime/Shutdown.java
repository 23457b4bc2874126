package org.isoband.gateway.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one way a running program ends early: Ctrl-C or SIGTERM (a JVM shutdown hook), the q key, or a
 * {@code --duration}. The hook asks for the stop and then holds the JVM until the program says it is done
 * ({@link #close}), at most {@link #GRACE}: without that, the JVM would halt as soon as the hooks return,
 * in the middle of stopping the parts, and the closing line would never be printed.
 */
public final class Shutdown implements AutoCloseable {
    /** Longer than the stop of every part ({@link Parts#STOP_WITHIN} each, in practice a second or two). */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Optional<Thread> hook;

    private Shutdown(Optional<String> hookName) {
        this.hook = hookName.map(name -> new Thread(this::onSignal, name + "-shutdown"));
    }

    /** A shutdown that Ctrl-C and SIGTERM request; {@code name} names the hook's thread. */
    public static Shutdown onSignal(String name) {
        Shutdown s = new Shutdown(Optional.of(name));
        s.hook.ifPresent(Runtime.getRuntime()::addShutdownHook);
        return s;
    }

    /** A shutdown only {@link #request} asks for (tests, a program embedded in another). */
    public static Shutdown unhooked() {
        return new Shutdown(Optional.empty());
    }

    private void onSignal() {
        requested.countDown();
        try {
            done.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for a clean stop (the q key, a part that gave up); safe from any thread. */
    public void request() {
        requested.countDown();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    /**
     * Waits until a stop is requested, {@code limit} passes, or {@code finished} says the work ended by
     * itself; {@code finished} is asked every {@code poll}.
     */
    public void await(Optional<Duration> limit, Finished finished, Duration poll) throws InterruptedException {
        long deadline = limit.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        long now = System.nanoTime();
        while (!isRequested() && now < deadline) {
            Duration wait = Duration.ofNanos(Math.min(poll.toNanos(), deadline - now));
            if (finished == Finished.NEVER) {
                requested.await(wait.toNanos(), TimeUnit.NANOSECONDS);
            } else if (finished.await(wait)) {
                return;
            }
            now = System.nanoTime();
        }
    }

    /** Waits up to {@code timeout} for the work to end by itself; true when it has. */
    @FunctionalInterface
    public interface Finished {
        boolean await(Duration timeout) throws InterruptedException;

        /** Work that only ends when asked to (the dashboard): the wait is for the request alone. */
        Finished NEVER = timeout -> false;
    }

    /** The program has stopped and said so: lets a signal's hook return, or removes the hook. */
    @Override
    public void close() {
        done.countDown();
        try {
            hook.ifPresent(Runtime.getRuntime()::removeShutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is what brought us here, and it returns now
        }
    }
}
