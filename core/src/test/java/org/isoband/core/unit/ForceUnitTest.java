package org.isoband.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForceUnitTest {

    @Test
    void kilogramsAndPoundsAreKilogramForceAndPoundForce() {
        assertThat(ForceUnit.KG.fromNewtons(9.80665)).isCloseTo(1.0, within(1e-12));
        assertThat(ForceUnit.LB.fromNewtons(4.4482216152605)).isCloseTo(1.0, within(1e-12));
        assertThat(ForceUnit.LB.toNewtons(ForceUnit.LB.fromNewtons(312.4))).isCloseTo(312.4, within(1e-9));
    }

    @Test
    void figuresAreWrittenWithTheUnitAndTheDecimalsAPersonNeeds() {
        assertThat(ForceUnit.N.format(312.4)).isEqualTo("312 N");
        assertThat(ForceUnit.KG.format(312.4)).isEqualTo("31.9 kg");
        assertThat(ForceUnit.LB.format(312.4)).isEqualTo("70.2 lb");
        assertThat(ForceUnit.KG.format(Double.NaN)).isEqualTo("–");
        assertThat(ForceUnit.LB.suffix()).isEqualTo("_lb");
    }

    @Test
    void theSettingIsReadInAnyCaseAndAWrongOneNamesTheChoices() {
        assertThat(ForceUnit.parse("KG")).isEqualTo(ForceUnit.KG);
        assertThat(ForceUnit.parse(" lb")).isEqualTo(ForceUnit.LB);
        assertThatThrownBy(() -> ForceUnit.parse("stone")).hasMessage("unknown force unit \"stone\" (one of: N, kg, lb)");
    }

    @Test
    void withABodyWeightForceIsAlsoShownAsAMultipleOfIt() {
        ForceDisplay d = new ForceDisplay(ForceUnit.KG, 80);
        assertThat(d.timesBodyWeight(80 * 9.80665)).isCloseTo(1.0, within(1e-12));
        assertThat(d.format(400)).isEqualTo("40.8 kg (0.51 x BW)");
        assertThat(ForceDisplay.NEWTONS.format(400)).isEqualTo("400 N");
        assertThatThrownBy(() -> new ForceDisplay(ForceUnit.N, 5)).hasMessageContaining("20 to 300 kg");
    }
}
