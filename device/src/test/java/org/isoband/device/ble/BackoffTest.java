package org.isoband.device.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapWithJitterBelowEachStep() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.5, new Random(3));
        long[] bases = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};

        for (long base : bases) {
            long wait = backoff.next().toMillis();
            assertThat(wait).isBetween(base / 2, base);
        }
        assertThat(backoff.failures()).isEqualTo(bases.length);
    }

    @Test
    void jitterSpreadsTheWaitsAndResetStartsOver() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, new Random(3));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waits.add(backoff.next().toMillis());
        }
        assertThat(waits.stream().distinct().count()).isGreaterThan(40);

        Backoff growing = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 0, new Random(3));
        growing.next();
        growing.next();
        growing.next();
        growing.reset();
        assertThat(growing.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void neverOverflowsAfterManyFailures() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0, new Random(3));
        for (int i = 0; i < 10_000; i++) {
            backoff.next();
        }
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.5, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.5, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
