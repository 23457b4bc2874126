package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SampleClockTest {

    /** A wall clock the test sets, as NTP would. */
    private static Clock settable(AtomicReference<Instant> wall) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return wall.get();
            }
        };
    }

    @Test
    void aSampleIsAsOldOnTheWallClockAsOnTheSampleClock() {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        SampleClock clock = new SampleClock(Clock.fixed(Instant.parse("2026-11-24T08:00:10Z"), ZoneOffset.UTC), nanos::get);

        assertThat(clock.toWall(5_000_000_000L)).isEqualTo("2026-11-24T08:00:10Z");
        assertThat(clock.toWall(3_750_000_000L)).isEqualTo("2026-11-24T08:00:08.750Z");
        assertThat(clock.toWall(-1_000_000_000L)).isEqualTo("2026-11-24T08:00:04Z");
    }

    @Test
    void followsAStepOfTheWallClockInsteadOfAnOffsetFrozenAtStart() {
        AtomicReference<Instant> wall = new AtomicReference<>(Instant.parse("1970-01-01T00:01:00Z"));
        AtomicLong nanos = new AtomicLong(60_000_000_000L);
        SampleClock clock = new SampleClock(settable(wall), nanos::get);

        // A Pi boots at the epoch, then NTP sets the real time: the same sample is now dated right.
        wall.set(Instant.parse("2026-11-24T08:00:00Z"));
        nanos.addAndGet(2_000_000_000L);

        assertThat(clock.toWall(61_000_000_000L)).isEqualTo("2026-11-24T07:59:59Z");
    }

    @Test
    void aSessionPlayedTwentyTimesFasterIsDatedAtItsOwnPaceSoRepsKeepTheirOrderAndLength() {
        // the sample clock runs 20 times as fast as the wall clock, as in `isoband demo --speed 20`
        AtomicReference<Instant> wall = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
        AtomicLong nanos = new AtomicLong(0);
        SampleClock clock = SampleClock.paced(settable(wall), nanos::get, 20);
        long s = 1_000_000_000L;

        // rep 1 from 2 s to 10 s, reported at its end; rep 2 from 12 s to 20 s, reported at its end
        nanos.set(10 * s);
        wall.set(wall.get().plusMillis(500));
        Instant rep1Start = clock.toWall(2 * s);
        Instant rep1End = clock.toWall(10 * s);
        nanos.set(20 * s);
        wall.set(wall.get().plusMillis(500));
        Instant rep2Start = clock.toWall(12 * s);

        assertThat(rep1Start).isEqualTo("2026-12-01T10:00:02Z");
        assertThat(java.time.Duration.between(rep1Start, rep1End)).hasSeconds(8);
        assertThat(rep2Start).isAfter(rep1End).isEqualTo("2026-12-01T10:00:12Z");
        assertThat(clock.now()).isEqualTo("2026-12-01T10:00:20Z");
    }

    @Test
    void atRealSpeedAPacedClockIsTheAgeRuleItself() {
        AtomicLong nanos = new AtomicLong(60_000_000_000L);
        SampleClock clock = SampleClock.paced(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
                nanos::get, 1.0);
        nanos.addAndGet(5_000_000_000L);

        // the age rule dates the sample 6 s before the (fixed) wall clock; a frozen anchor would say 09:59:59
        assertThat(clock.toWall(59_000_000_000L)).isEqualTo("2026-12-01T09:59:54Z");
    }

    @Test
    void theSystemClockMapsNowToNow() {
        SampleClock clock = SampleClock.system();

        Instant before = Instant.now();
        Instant mapped = clock.toWall(System.nanoTime());
        Instant after = Instant.now();

        assertThat(mapped).isBetween(before.minusMillis(5), after.plusMillis(5));
    }
}
