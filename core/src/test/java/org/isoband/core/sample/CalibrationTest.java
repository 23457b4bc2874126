package org.isoband.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void twoPointsGiveOffsetAndScale() {
        // 8,388 counts slack, 108,388 counts with 98.1 N (10 kg) hanging.
        Calibration c = Calibration.fromTwoPoints(8_388, 108_388, 98.1, 150);

        assertThat(c.toNewtons(8_388)).isCloseTo(0, within(1e-9));
        assertThat(c.toNewtons(58_388)).isCloseTo(49.05, within(1e-9));
    }

    @Test
    void taringKeepsTheScale() {
        Calibration c = new Calibration(100, 0.5, 150).tared(300);

        assertThat(c.toNewtons(500)).isEqualTo(100);
    }

    @Test
    void bandStiffnessLinksTensionAndElongation() {
        Calibration c = new Calibration(0, 1, 200);

        assertThat(c.tensionFromElongation(250)).isCloseTo(50, within(1e-9));
        assertThat(c.displacementMm(30)).isCloseTo(150, within(1e-9));
    }

    @Test
    void nonsenseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new Calibration(0, 0, 150)).hasMessageContaining("scale must be finite and non-zero");
        assertThatThrownBy(() -> new Calibration(Double.NaN, 1, 150)).hasMessageContaining("offset");
        assertThatThrownBy(() -> new Calibration(0, 1, -5)).hasMessageContaining("band stiffness must be positive");
        assertThatThrownBy(() -> Calibration.fromTwoPoints(5, 5, 98.1, 150)).hasMessageContaining("weight hanging");
    }
}
