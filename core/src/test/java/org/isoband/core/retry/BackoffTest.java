package org.isoband.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = Backoff.DEFAULT;

    /** Always the low end of the jitter range. */
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long origin, long bound) {
            return origin;
        }
    };

    /** Always the high end of the jitter range. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long origin, long bound) {
            return bound - 1;
        }
    };

    @Test
    void doublesFromTheInitialDelayUpToTheCapWithinHalfAndAllOfTheStep() {
        long[][] bounds = {{250, 500}, {500, 1000}, {1000, 2000}, {2000, 4000}, {15_000, 30_000}};
        int[] failures = {0, 1, 2, 3, 20};
        for (int i = 0; i < failures.length; i++) {
            assertThat(backoff.delay(failures[i], LOWEST).toMillis()).isEqualTo(bounds[i][0]);
            assertThat(backoff.delay(failures[i], HIGHEST).toMillis()).isEqualTo(bounds[i][1]);
        }
        assertThat(backoff.delay(Integer.MAX_VALUE, HIGHEST)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void withoutJitterEveryWaitIsTheFullStep() {
        Backoff exact = new Backoff(Duration.ofMillis(100), Duration.ofMillis(350), 0);
        Backoff.Attempts attempts = exact.attempts(new Random(3));
        assertThat(attempts.next()).isEqualTo(Duration.ofMillis(100));
        assertThat(attempts.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(attempts.next()).isEqualTo(Duration.ofMillis(350));
        assertThat(attempts.next()).isEqualTo(Duration.ofMillis(350));
        assertThat(attempts.failures()).isEqualTo(4);
    }

    @Test
    void aSuccessStartsTheNextFailureFromTheInitialDelayAgain() {
        Backoff.Attempts attempts = backoff.attempts(HIGHEST);
        attempts.next();
        attempts.next();
        attempts.next();
        attempts.reset();
        assertThat(attempts.failures()).isZero();
        assertThat(attempts.next()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void gatewaysThatLostTheSameBrokerComeBackAtDifferentTimes() {
        Random random = new Random(1);
        Set<Duration> delays = new HashSet<>();
        for (int gateway = 0; gateway < 20; gateway++) {
            delays.add(backoff.delay(4, random));
        }
        assertThat(delays).hasSizeGreaterThan(15)
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8)));
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        assertThat(backoff.delay(5, new Random(42))).isEqualTo(backoff.delay(5, new Random(42)));
    }

    @Test
    void refusesAnEmptyOrInvertedRangeOrAJitterOutsideZeroToOne() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.5)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.5)).hasMessageContaining("below");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5)).hasMessageContaining("jitter");
    }
}
