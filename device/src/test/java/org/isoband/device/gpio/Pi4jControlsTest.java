package org.isoband.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The button, LED and buzzer on Pi4J's mock pins. */
class Pi4jControlsTest {
    private final Context pi4j = MockPi4j.context();
    private final FakeClock clock = new FakeClock();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void aBouncingButtonIsOnePressAtItsFirstEdge() throws Exception {
        MockDigitalInput pin = (MockDigitalInput) Pi4jPins.input(pi4j, 26, PullResistance.PULL_UP, "button", "button");
        pin.mockState(DigitalState.HIGH); // released: the pull-up holds the line high
        List<Long> presses = new CopyOnWriteArrayList<>();
        Pi4jButton button = new Pi4jButton(pin, Duration.ofMillis(30), clock, () -> { });
        button.addListener(presses::add);
        long start = clock.nanoTime();

        clock.advance(100_000_000);
        bounce(pin, DigitalState.LOW, DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH, DigitalState.LOW);
        assertThat(button.isDown()).isTrue();
        clock.advance(200_000_000);
        bounce(pin, DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH);
        clock.advance(500_000_000);
        bounce(pin, DigitalState.LOW);

        // the first edge at 100 ms; the release bounces; the next press at 100 + 2.5 + 200 + 1.5 + 500 ms
        assertThat(presses).containsExactly(start + 100_000_000, start + 804_000_000);
        assertThat(button.isDown()).isTrue();
        button.close();
    }

    /** Edges 0.5 ms apart, as a contact bounces. */
    private void bounce(MockDigitalInput pin, DigitalState... states) {
        for (DigitalState state : states) {
            pin.mockState(state);
            clock.advance(500_000);
        }
    }

    @Test
    void theLedAndTheBuzzerDriveTheirPinsAndAreOffWhenClosed() throws Exception {
        Led led = Pi4jOutputs.led(pi4j, 16);
        Buzzer buzzer = Pi4jOutputs.buzzer(pi4j, 12);
        DigitalOutput ledPin = pi4j.registry().get("led-16");
        DigitalOutput buzzerPin = pi4j.registry().get("buzzer-12");
        assertThat(ledPin.isLow()).isTrue();
        assertThat(buzzerPin.isLow()).isTrue();

        led.on();
        buzzer.on();
        assertThat(ledPin.isHigh()).isTrue();
        assertThat(buzzerPin.isHigh()).isTrue();
        assertThat(led.isOn()).isTrue();
        led.set(false);
        buzzer.off();
        assertThat(ledPin.isLow()).isTrue();
        assertThat(buzzer.isOn()).isFalse();

        led.on();
        led.close();
        buzzer.close();
        assertThat(ledPin.isLow()).as("off when closed").isTrue();
        assertThat(pi4j.registry().exists("led-16")).isFalse();
        assertThat(pi4j.registry().exists("buzzer-12")).isFalse();
    }
}
