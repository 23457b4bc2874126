package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void doublesFromTheMinimumUpToTheCapWithinHalfAndAllOfTheStep() {
        long[][] bounds = {{250, 500}, {500, 1000}, {1000, 2000}, {2000, 4000}, {15_000, 30_000}};
        int[] attempts = {0, 1, 2, 3, 20};
        for (int i = 0; i < attempts.length; i++) {
            assertThat(backoff.delayMillis(attempts[i], () -> 0)).isEqualTo(bounds[i][0]);
            assertThat(backoff.delayMillis(attempts[i], () -> 0.999_999)).isEqualTo(bounds[i][1]);
        }
        assertThat(backoff.delayMillis(Integer.MAX_VALUE, () -> 0.5)).isEqualTo(22_500);
    }

    @Test
    void gatewaysThatLostTheSameBrokerComeBackAtDifferentTimes() {
        Random random = new Random(1);
        Set<Long> delays = new HashSet<>();
        for (int gateway = 0; gateway < 20; gateway++) {
            delays.add(backoff.delayMillis(4, random::nextDouble));
        }
        assertThat(delays).hasSizeGreaterThan(15).allSatisfy(d -> assertThat(d).isBetween(4000L, 8000L));
    }

    @Test
    void refusesAnEmptyOrInvertedRange() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("below min");
    }
}
