package org.isoband.core.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.junit.jupiter.api.Test;

class ZoneCoachTest {
    private static final long MS = 1_000_000L;
    /** Maximum 300 N, zone 60-80 %: 180-240 N. */
    private static final ForceZone ZONE = new ForceZone(300, 60, 80);

    private final ZoneCoach zone = new ZoneCoach();
    private final List<CueKind> said = new ArrayList<>();
    private long now;

    /** Samples at 80 Hz and ticks every 20 ms (the gateway's rate) at {@code newtons} for {@code ms}. */
    private void hold(Phase phase, double newtons, long ms) {
        long end = now + ms * MS;
        for (long t = now; t < end; t += 12_500_000L) {
            zone.sample(t, newtons);
        }
        for (; now < end; now += 20 * MS) {
            CueKind k = zone.tick(new HoldState(phase, now, newtons, 30, 0, 0, Double.NaN, Double.NaN), now);
            if (k != null) {
                said.add(k);
            }
        }
    }

    private static RepEvent rep(double meanN) {
        return new RepEvent(1, 0, 0, 0, 7, Verdict.HELD, meanN, meanN + 5, 2, 0, 30, meanN - 30, 0);
    }

    @Test
    void aHoldBelowTheZoneIsToldALittleHarderAfterSomeTimeNotAtOnce() {
        zone.begin(ZONE);
        hold(Phase.HOLD, 150, 500);
        assertThat(said).isEmpty();
        hold(Phase.HOLD, 150, 200);
        assertThat(said).containsExactly(CueKind.HARDER);
    }

    @Test
    void aHoldAboveTheZoneIsToldToEaseOff() {
        zone.begin(ZONE);
        hold(Phase.HOLD, 270, 1000);
        assertThat(said).containsExactly(CueKind.EASE_OFF);
    }

    @Test
    void theSameCueIsNotRepeatedMoreThanEveryThreeSeconds() {
        zone.begin(ZONE);
        hold(Phase.HOLD, 150, 3500);
        assertThat(said).containsExactly(CueKind.HARDER);
        hold(Phase.HOLD, 150, 500);
        assertThat(said).containsExactly(CueKind.HARDER, CueKind.HARDER);
    }

    @Test
    void nothingIsSaidWhileRampingUpOrInTheZone() {
        zone.begin(ZONE);
        hold(Phase.RAMP, 100, 2000);
        hold(Phase.HOLD, 200, 5000);
        assertThat(said).isEmpty();
    }

    @Test
    void eachRepRecordsItsTimeInTheZoneAndItsMeanAsAShareOfTheMaximum() {
        zone.begin(ZONE);
        hold(Phase.RAMP, 100, 1000);
        hold(Phase.HOLD, 210, 4000);
        hold(Phase.HOLD, 260, 2000);
        RepZone figures = zone.finish(rep(225));
        assertThat(figures.timeInZoneS()).isCloseTo(4.0, within(0.05));
        assertThat(figures.meanPctOfMax()).isCloseTo(75.0, within(1e-9));
        assertThat(figures.zone()).isEqualTo(ZONE);
    }

    @Test
    void withoutAMaximumThereIsNoZoneAndNothingToSay() {
        zone.begin(null);
        hold(Phase.HOLD, 10, 5000);
        assertThat(said).isEmpty();
        assertThat(zone.finish(rep(100))).isNull();
    }

    @Test
    void theZoneEdgesAreSharesOfTheMaximum() {
        assertThat(ZONE.lowN()).isEqualTo(180);
        assertThat(ZONE.highN()).isEqualTo(240);
        assertThat(ZONE.side(179)).isEqualTo(ZoneSide.BELOW);
        assertThat(ZONE.side(240)).isEqualTo(ZoneSide.IN);
        assertThat(ZONE.side(Double.NaN)).isEqualTo(ZoneSide.UNKNOWN);
    }
}
