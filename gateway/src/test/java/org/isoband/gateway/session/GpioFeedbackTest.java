package org.isoband.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.Cue;
import org.isoband.core.coach.CueKind;
import org.isoband.core.coach.Leg;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.device.gpio.Button;
import org.isoband.device.gpio.ButtonListener;
import org.isoband.device.gpio.Buzzer;
import org.isoband.device.gpio.Led;
import org.junit.jupiter.api.Test;

class GpioFeedbackTest {

    /** Records every switch of an output, in order. */
    static final class Recorded implements Buzzer, Led {
        final List<Boolean> switches = new CopyOnWriteArrayList<>();
        volatile boolean on;

        @Override
        public void on() {
            on = true;
            switches.add(true);
        }

        @Override
        public void off() {
            on = false;
            switches.add(false);
        }

        @Override
        public boolean isOn() {
            return on;
        }

        @Override
        public void close() {
        }
    }

    static final class FakeButton implements Button {
        final List<ButtonListener> listeners = new CopyOnWriteArrayList<>();

        void press(long tNanos) {
            listeners.forEach(l -> l.pressed(tNanos));
        }

        @Override
        public void addListener(ButtonListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(ButtonListener listener) {
            listeners.remove(listener);
        }

        @Override
        public boolean isDown() {
            return false;
        }

        @Override
        public void close() {
        }
    }

    private static void waitFor(List<?> list, int size) throws InterruptedException {
        for (int i = 0; i < 200 && list.size() < size; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void targetReachedBeepsTwiceAndStopThrice() throws Exception {
        Recorded buzzer = new Recorded();
        try (GpioFeedback feedback = new GpioFeedback(buzzer, null, null, c -> { })) {
            feedback.cue(new Cue(CueKind.TARGET_REACHED, "", 0));
            waitFor(buzzer.switches, 4);
        }
        assertThat(buzzer.switches).containsExactly(true, false, true, false);
        assertThat(GpioFeedback.beeps(new Cue(CueKind.STOP, "", 0))).isEqualTo(3);
        assertThat(GpioFeedback.beeps(new Cue(CueKind.REST, "", 0))).isZero();
        // the zone's cues are long tones, not to be taken for the hold's short beeps
        assertThat(GpioFeedback.beeps(new Cue(CueKind.HARDER, "", 0))).isEqualTo(1);
        assertThat(GpioFeedback.beeps(new Cue(CueKind.EASE_OFF, "", 0))).isEqualTo(2);
        assertThat(GpioFeedback.beepMillis(new Cue(CueKind.HARDER, "", 0))).isGreaterThan(3 * GpioFeedback.BEEP_MILLIS);
        assertThat(GpioFeedback.beepMillis(new Cue(CueKind.STOP, "", 0))).isEqualTo(GpioFeedback.BEEP_MILLIS);
    }

    @Test
    void theLedIsLitWhileTheHoldIsSteady() throws Exception {
        Recorded led = new Recorded();
        HoldState live = new HoldState(Phase.HOLD, 0, 200, 30, 1, 1, 190, 210);
        RepContext where = new RepContext("s", Leg.RIGHT, 0, "high", 1, 1, 6);
        try (GpioFeedback feedback = new GpioFeedback(null, led, null, c -> { })) {
            feedback.phase(Phase.RAMP, Phase.HOLD, live, where);
            feedback.phase(Phase.HOLD, Phase.RELEASE, live, where);
            waitFor(led.switches, 2);
        }
        assertThat(led.switches).containsExactly(true, false);
    }

    @Test
    void onePressStartsOrPausesTwoQuickPressesSkip() throws Exception {
        FakeButton button = new FakeButton();
        List<AthleteCommand> commands = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        try (GpioFeedback feedback = new GpioFeedback(null, null, button, c -> {
            commands.add(c);
            two.countDown();
        })) {
            button.press(1_000_000_000L);
            button.press(1_300_000_000L);             // 0.3 s later: a double press
            button.press(5_000_000_000L);             // alone
            assertThat(two.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(commands).containsExactly(AthleteCommand.SKIP, AthleteCommand.START_PAUSE);
    }
}
