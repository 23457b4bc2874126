package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SampleClockTest {

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
        SampleClock clock = new SampleClock(new Clock() {
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
        }, nanos::get);

        // A Pi boots at the epoch, then NTP sets the real time: the same sample is now dated right.
        wall.set(Instant.parse("2026-11-24T08:00:00Z"));
        nanos.addAndGet(2_000_000_000L);

        assertThat(clock.toWall(61_000_000_000L)).isEqualTo("2026-11-24T07:59:59Z");
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
