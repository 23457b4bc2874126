package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KnownLoadTest {

    @Test
    void massesPullWithStandardGravityAndForcesAreTakenAsTheyAre() {
        assertThat(KnownLoad.parse("5 kg").newtons()).isEqualTo(49.03325, within(1e-9));
        assertThat(KnownLoad.parse("  2.5KG ").newtons()).isEqualTo(24.516625, within(1e-9));
        assertThat(KnownLoad.parse("500 g").newtons()).isEqualTo(4.903325, within(1e-9));
        assertThat(KnownLoad.parse("49 N").newtons()).isEqualTo(49);
        assertThat(KnownLoad.parse("12,5n").newtons()).isEqualTo(12.5);
    }

    @Test
    void aNumberWithoutAUnitOrAnythingElseIsRefused() {
        assertThatThrownBy(() -> KnownLoad.parse("5"))
                .hasMessage("cannot read '5': enter a mass like '5 kg' or '500 g', or a force like '49 N'");
        assertThatThrownBy(() -> KnownLoad.parse("5 lb")).hasMessageStartingWith("cannot read '5 lb'");
        assertThatThrownBy(() -> KnownLoad.parse("-3 kg")).hasMessageStartingWith("cannot read '-3 kg'");
        assertThatThrownBy(() -> KnownLoad.parse("0 kg")).hasMessage("the known load must be more than zero, got '0 kg'");
    }
}
