package org.isoband.device.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatteryLevelTest {

    @Test
    void aLithiumCellsVoltageMapsLinearlyFromEmptyToFullAndIsMarkedEstimated() {
        assertThat(BatteryLevel.ofCellMillivolts(3300).percent()).isZero();
        assertThat(BatteryLevel.ofCellMillivolts(3750).percent()).isEqualTo(50);
        assertThat(BatteryLevel.ofCellMillivolts(4200).percent()).isEqualTo(100);
        assertThat(BatteryLevel.ofCellMillivolts(3870)).satisfies(b -> {
            assertThat(b.percent()).isEqualTo(63);
            assertThat(b.estimated()).isTrue();
            assertThat(b.millivolts()).hasValue(3870);
            assertThat(b.describe()).isEqualTo("63 % (3.87 V)");
        });
    }

    @Test
    void voltagesBeyondTheCellsRangeAreClampedNotRejected() {
        assertThat(BatteryLevel.ofCellMillivolts(2900).percent()).isZero();
        assertThat(BatteryLevel.ofCellMillivolts(4350).percent()).isEqualTo(100);
    }

    @Test
    void aReportedPercentageIsTakenAsItIsAndLowBelowFifteen() {
        assertThat(BatteryLevel.ofPercent(80)).satisfies(b -> {
            assertThat(b.estimated()).isFalse();
            assertThat(b.low()).isFalse();
            assertThat(b.describe()).isEqualTo("80 %");
        });
        assertThat(BatteryLevel.ofPercent(14).low()).isTrue();
        assertThatThrownBy(() -> BatteryLevel.ofPercent(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("battery percent must be 0-100, got 101");
    }
}
