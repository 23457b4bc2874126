package org.isoband.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/**
 * The LED and the buzzer on Pi4J digital outputs, each switched through a transistor or directly (an LED
 * with its resistor): high is on. A pin that fails to switch is logged, not thrown: a dead LED must not end
 * a training session.
 */
public final class Pi4jOutputs {
    private Pi4jOutputs() {
    }

    /** An LED on BCM pin {@code bcm}, off at start and when released. */
    public static Led led(Context pi4j, int bcm) throws GpioUnavailableException {
        DigitalOutput out = Pi4jPins.output(pi4j, bcm, DigitalState.LOW, DigitalState.LOW, "led-" + bcm, "LED");
        return new SwitchedPin(out, () -> Pi4jPins.release(pi4j, out));
    }

    /** An active buzzer on BCM pin {@code bcm}, silent at start and when released. */
    public static Buzzer buzzer(Context pi4j, int bcm) throws GpioUnavailableException {
        DigitalOutput out = Pi4jPins.output(pi4j, bcm, DigitalState.LOW, DigitalState.LOW, "buzzer-" + bcm, "buzzer");
        return new SwitchedPin(out, () -> Pi4jPins.release(pi4j, out));
    }

    /** An on/off output: the LED and the buzzer differ only in name, so one class is both. */
    static final class SwitchedPin implements Led, Buzzer {
        private final DigitalOutput out;
        private final Runnable release;

        SwitchedPin(DigitalOutput out, Runnable release) {
            this.out = out;
            this.release = release;
        }

        private void drive(boolean high) {
            try {
                out.state(high ? DigitalState.HIGH : DigitalState.LOW);
            } catch (RuntimeException e) {
                WiredSource.LOG.warn("cannot switch {} on GPIO {}: {}",
                        out.name(), out.address(), e.getMessage());
            }
        }

        @Override
        public void on() {
            drive(true);
        }

        @Override
        public void off() {
            drive(false);
        }

        @Override
        public boolean isOn() {
            return out.isHigh();
        }

        @Override
        public void close() {
            drive(false);
            release.run();
        }
    }
}
