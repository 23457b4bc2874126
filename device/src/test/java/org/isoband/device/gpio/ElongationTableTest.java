package org.isoband.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ElongationTableTest {
    private final ElongationTable table = new ElongationTable(new double[] {1000, 9000, 17000}, new double[] {0, 40, 100});

    @Test
    void interpolatesLinearlyBetweenPoints() {
        assertThat(table.elongationMm(1000)).isEqualTo(0);
        assertThat(table.elongationMm(5000)).isEqualTo(20, within(1e-9));
        assertThat(table.elongationMm(9000)).isEqualTo(40);
        assertThat(table.elongationMm(13000)).isEqualTo(70, within(1e-9));
    }

    @Test
    void extendsTheEndSegmentsBeyondTheTable() {
        assertThat(table.elongationMm(0)).isEqualTo(-5, within(1e-9));
        assertThat(table.elongationMm(21000)).isEqualTo(130, within(1e-9));
    }

    @Test
    void aFallingDividerIsFine() {
        ElongationTable falling = new ElongationTable(new double[] {2000, 20000}, new double[] {80, 0});

        assertThat(falling.elongationMm(11000)).isEqualTo(40, within(1e-9));
    }

    @Test
    void rejectsTablesThatCannotBeInterpolated() {
        assertThatThrownBy(() -> new ElongationTable(new double[] {1}, new double[] {0}))
                .hasMessageContaining("at least two");
        assertThatThrownBy(() -> new ElongationTable(new double[] {5, 5}, new double[] {0, 1}))
                .hasMessage("elongation table raw codes must increase strictly: 5.0 then 5.0");
        assertThatThrownBy(() -> new ElongationTable(new double[] {1, 2, 3}, new double[] {0, 10, 5}))
                .hasMessageContaining("monotonic");
    }
}
