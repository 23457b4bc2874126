package org.isoband.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.isoband.dashboard.testing.Reps.rep;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.RepMessage;
import org.junit.jupiter.api.Test;

class HistoryTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static java.time.Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), ZONE).toInstant();
    }

    @Test
    void weeks_start_on_monday_in_the_dashboards_zone_and_empty_weeks_are_kept_from_the_first_rep_on() {
        // Sunday 23:30 in Paris is Sunday 22:30 UTC: it belongs to the week of Monday the 9th, not the 16th.
        List<RepMessage> reps = List.of(
                rep("pi", "b", "s1", "right", 0, 1, at("2026-11-15T23:30:00"), 7, Verdict.HELD, 150),
                rep("pi", "b", "s2", "left", 0, 1, at("2026-11-24T18:00:00"), 7, Verdict.HELD, 150));

        History h = History.of(reps, ZONE, LocalDate.parse("2026-10-27"), LocalDate.parse("2026-11-24"), 2);

        // the weeks of October and the first of November come before the athlete started: left out
        assertThat(h.weeks()).extracting(w -> w.start().toString())
                .containsExactly("2026-11-09", "2026-11-16", "2026-11-23");
        assertThat(h.weeks()).extracting(History.Week::reps).containsExactly(1, 0, 1);
        assertThat(h.weeks().get(1).heldPct()).isNaN();
    }

    @Test
    void steady_seconds_per_leg_and_angle_held_ratio_sessions_and_balance() {
        var monday = "2026-11-16T";
        List<RepMessage> reps = List.of(
                rep("pi", "b", "s1", "right", 0, 1, at(monday + "18:00:00"), 7.0, Verdict.HELD, 200),
                rep("pi", "b", "s1", "right", 0, 2, at(monday + "18:01:00"), 3.0, Verdict.SHORT, 180),
                rep("pi", "b", "s1", "right", 1, 1, at(monday + "18:05:00"), 6.5, Verdict.HELD, 200),
                rep("pi", "b", "s1", "left", 0, 1, at(monday + "18:10:00"), 8.0, Verdict.HELD, 180),
                rep("pi", "b", "s2", "left", 1, 1, at("2026-11-19T18:10:00"), 2.0, Verdict.MOVED, 170));

        History h = History.of(reps, ZONE, LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-22"), 3);

        History.Week w = h.weeks().get(0);
        assertThat(h.series()).containsExactly("right:0", "right:1", "left:0", "left:1");
        assertThat(w.steadyS()).containsEntry("right:0", 10.0).containsEntry("right:1", 6.5)
                .containsEntry("left:0", 8.0).containsEntry("left:1", 2.0);
        assertThat(w.steadyRightS()).isEqualTo(16.5);
        assertThat(w.steadyLeftS()).isEqualTo(10.0);
        assertThat(w.reps()).isEqualTo(5);
        assertThat(w.held()).isEqualTo(3);
        assertThat(w.heldPct()).isCloseTo(60.0, within(1e-9));
        assertThat(w.sessions()).isEqualTo(2);
        assertThat(w.metTarget(3)).isFalse();
        // held reps: right at 200 N above rest, left at 180 N: the left leg presses 10 % less
        assertThat(w.asymmetryPct()).isCloseTo(10.0, within(1e-9));
        assertThat(h.weeksOnTarget()).isZero();
    }

    @Test
    void balance_is_unknown_without_a_held_rep_on_each_leg() {
        assertThat(History.asymmetry(200, Double.NaN)).isNaN();
        assertThat(History.asymmetry(0, 150)).isNaN();
        assertThat(History.asymmetry(150, 200)).isCloseTo(-25.0, within(1e-9));
    }

    @Test
    void reps_without_a_plan_are_their_own_series() {
        RepMessage free = rep("pi", "b", "s1", null, null, 1, at("2026-11-16T10:00:00"), 6.0, Verdict.HELD, 100);
        History h = History.of(List.of(free), ZONE, LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-16"), 2);
        assertThat(h.series()).containsExactly("none:-");
        assertThat(h.weeks().get(0).asymmetryPct()).isNaN();
    }
}
