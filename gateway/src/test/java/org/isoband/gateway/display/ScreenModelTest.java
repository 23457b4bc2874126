package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.isoband.core.coach.CoachState;
import org.isoband.core.detect.Phase;
import org.isoband.device.source.BatteryLevel;
import org.junit.jupiter.api.Test;

/** What the model says about the sensor's battery: a small level when known, a warning before the plan when low. */
class ScreenModelTest {
    private static ScreenModel at(String name, Optional<BatteryLevel> battery) {
        return ScreenLayoutTest.model(name).withBattery(battery);
    }

    @Test
    void aSensorWithoutABatteryReportShowsNothingOfIt() {
        for (String name : new String[] {"notice", "begin", "hold"}) {
            ScreenModel m = at(name, Optional.empty());
            assertThat(m.batteryNote()).as(name).isEmpty();
            assertThat(m.lowBatteryWarning()).as(name).isEmpty();
            assertThat(m.batteryLow()).as(name).isFalse();
        }
    }

    @Test
    void aKnownLevelIsAShortNoteAndNoWarning() {
        ScreenModel m = at("begin", Optional.of(BatteryLevel.ofPercent(80)));

        assertThat(m.batteryNote()).contains("battery 80 %");
        assertThat(m.lowBatteryWarning()).isEmpty();
    }

    @Test
    void underFifteenPercentTheNoticeAndTheBeginScreenSayChargeItFirst() {
        for (String name : new String[] {"notice", "begin"}) {
            assertThat(at(name, Optional.of(BatteryLevel.ofPercent(14))).lowBatteryWarning()).as(name)
                    .contains("Sensor battery 14 %: charge it before a session");
        }
        assertThat(at("begin", Optional.of(BatteryLevel.ofPercent(15))).lowBatteryWarning()).as("15 % is not low").isEmpty();
    }

    @Test
    void onceTrainingALowBatteryOnlyColoursTheStatusLine() {
        ScreenModel m = CoachScreenTest.model(CoachState.HOLDING, Phase.HOLD, 3, 0, null)
                .withBattery(Optional.of(BatteryLevel.ofCellMillivolts(3350)));

        assertThat(m.lowBatteryWarning()).isEmpty();
        assertThat(m.batteryLow()).isTrue();
        assertThat(m.batteryNote()).contains("battery 6 %");
    }

    @Test
    void theRenderedScreensSayWhatTheModelSays() {
        CoachScreen screen = new CoachScreen(800, 480);
        String begin = String.join(" ", screen.frame(ScreenLayoutTest.model("begin-low-battery-phone")).texts().stream()
                .map(ScreenText.Drawn::text).toList());
        String hold = String.join(" ", screen.frame(ScreenLayoutTest.model("hold-battery-low")).texts().stream()
                .map(ScreenText.Drawn::text).toList());
        String plain = String.join(" ", screen.frame(ScreenLayoutTest.model("begin")).texts().stream()
                .map(ScreenText.Drawn::text).toList());

        assertThat(begin).contains("Sensor battery 11 %: charge it before a session");
        assertThat(hold).contains("battery 11 %").doesNotContain("charge it");
        assertThat(plain).doesNotContain("battery");
    }
}
