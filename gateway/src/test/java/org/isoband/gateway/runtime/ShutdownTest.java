package org.isoband.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void theWaitEndsWhenTheWorkEndsByItself() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (Shutdown shutdown = Shutdown.unhooked()) {
            shutdown.await(Optional.empty(), timeout -> asked.incrementAndGet() == 3, Duration.ofMillis(1));

            assertThat(asked).hasValue(3);
            assertThat(shutdown.isRequested()).isFalse();
        }
    }

    @Test
    void aRequestEndsTheWaitOfWorkThatNeverEnds() throws Exception {
        try (Shutdown shutdown = Shutdown.unhooked()) {
            Thread quitter = new Thread(shutdown::request);
            quitter.start();

            shutdown.await(Optional.empty(), Shutdown.Finished.NEVER, Duration.ofSeconds(1));

            assertThat(shutdown.isRequested()).isTrue();
            quitter.join();
        }
    }

    @Test
    void theLimitEndsTheWait() throws Exception {
        try (Shutdown shutdown = Shutdown.unhooked()) {
            AtomicInteger asked = new AtomicInteger();

            shutdown.await(Optional.of(Duration.ofMillis(30)), timeout -> {
                asked.incrementAndGet();
                Thread.sleep(timeout.toMillis());
                return false;
            }, Duration.ofMillis(10));

            assertThat(asked.get()).isPositive();
            assertThat(shutdown.isRequested()).isFalse();
        }
    }
}
