package org.isoband.device.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class SourceThreadTest {

    @Test
    void interruptModeCutsABlockingWaitShort() throws Exception {
        SourceThread thread = new SourceThread("t-interrupt", SourceThread.StopMode.INTERRUPT, Duration.ofSeconds(5));
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        thread.start(() -> {
            waiting.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        waiting.await(5, TimeUnit.SECONDS);
        thread.stop();
        assertThat(interrupted).isTrue();
        assertThat(thread.running()).isFalse();
    }

    @Test
    void unparkModeEndsAParkWithoutInterruptingWhatTheSinkMayBeWriting() throws Exception {
        SourceThread thread = new SourceThread("t-unpark", SourceThread.StopMode.UNPARK, Duration.ofSeconds(5));
        CountDownLatch parked = new CountDownLatch(1);
        AtomicBoolean interruptFlag = new AtomicBoolean(true);
        thread.start(() -> {
            parked.countDown();
            while (thread.running()) {
                LockSupport.parkNanos(60_000_000_000L);
            }
            interruptFlag.set(Thread.currentThread().isInterrupted());
        });
        parked.await(5, TimeUnit.SECONDS);
        thread.stop();
        assertThat(thread.running()).isFalse();
        assertThat(interruptFlag).as("never interrupted").isFalse();
    }

    @Test
    void startsOnceAndAStopFromItsOwnThreadOnlyLowersTheFlag() throws Exception {
        SourceThread thread = new SourceThread("t-self", SourceThread.StopMode.INTERRUPT, Duration.ofSeconds(5));
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean stillInterrupted = new AtomicBoolean(true);
        assertThat(thread.started()).isFalse();
        thread.start(() -> {
            thread.stop();
            stillInterrupted.set(Thread.currentThread().isInterrupted() || thread.running());
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        thread.join();
        assertThat(stillInterrupted).isFalse();
        assertThat(thread.started()).isTrue();
        assertThatThrownBy(() -> thread.start(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage("t-self was already started");
    }
}
