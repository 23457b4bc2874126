package org.isoband.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebouncerTest {
    private static final long MS = 1_000_000;

    /** Feeds edges given as (ms, pressed) pairs; returns the times of the presses reported. */
    private static List<Long> presses(Debouncer debouncer, Object... edges) {
        List<Long> presses = new ArrayList<>();
        for (int i = 0; i < edges.length; i += 2) {
            long t = ((Number) edges[i]).longValue() * MS / 10; // tenths of a millisecond
            if (debouncer.edge(t, (Boolean) edges[i + 1])) {
                presses.add(t / MS);
            }
        }
        return presses;
    }

    @Test
    void aBouncingPressAndReleaseIsOnePressAtTheFirstEdge() {
        Debouncer debouncer = new Debouncer(30 * MS);

        assertThat(presses(debouncer,
                1000, true, 1003, false, 1008, true, 1015, false, 1020, true, // press bounces for 2 ms
                3000, false, 3004, true, 3010, false))                       // release bounces
                .containsExactly(100L);
    }

    @Test
    void aNewPressCountsOnceTheLineWasQuietForTheDebounceTime() {
        Debouncer debouncer = new Debouncer(30 * MS);

        assertThat(presses(debouncer, 0, true, 1000, false, 1200, true, 2000, false, 2400, true))
                .as("20 ms after the release is a bounce; 40 ms is a new press")
                .containsExactly(0L, 240L);
    }

    @Test
    void releasesAreNeverPresses() {
        Debouncer debouncer = new Debouncer(30 * MS);

        assertThat(presses(debouncer, 0, false, 5000, false)).isEmpty();
    }
}
