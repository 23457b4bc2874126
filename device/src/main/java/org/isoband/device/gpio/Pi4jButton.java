package org.isoband.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A push button on a Pi4J digital input, wired between the pin and GND with the Pi's internal pull-up: the
 * line reads low while pressed. Edges come from Pi4J's state-change events and are debounced in time by a
 * {@link Debouncer}.
 */
public final class Pi4jButton implements Button {
    /** A button's contacts bounce for a few ms; presses closer than this are one press. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(30);

    private final DigitalInput input;
    private final GpioClock clock;
    private final Debouncer debouncer;
    private final Runnable release;
    private final List<ButtonListener> listeners = new CopyOnWriteArrayList<>();
    private final DigitalStateChangeListener onChange = this::changed;

    public Pi4jButton(DigitalInput input, Duration debounce, GpioClock clock, Runnable release) {
        this.input = input;
        this.clock = clock;
        this.debouncer = new Debouncer(debounce.toNanos());
        this.release = release;
        input.addListener(onChange);
    }

    /** Opens BCM pin {@code bcm} as a pulled-up input for a button to GND. */
    public static Pi4jButton open(Context pi4j, int bcm, Duration debounce) throws GpioUnavailableException {
        DigitalInput input = Pi4jPins.input(pi4j, bcm, PullResistance.PULL_UP, "button-" + bcm, "push button");
        return new Pi4jButton(input, debounce, GpioClock.SYSTEM, () -> Pi4jPins.release(pi4j, input));
    }

    private void changed(DigitalStateChangeEvent<?> event) {
        long t = clock.nanoTime();
        boolean press;
        synchronized (debouncer) {
            press = debouncer.edge(t, event.state() == DigitalState.LOW);
        }
        if (press) {
            for (ButtonListener listener : listeners) {
                listener.pressed(t);
            }
        }
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
        try {
            return input.isLow();
        } catch (RuntimeException e) {
            WiredSource.LOG.warn("cannot read the button on GPIO {}: {}",
                    input.address(), e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        input.removeListener(onChange);
        listeners.clear();
        release.run();
    }
}
