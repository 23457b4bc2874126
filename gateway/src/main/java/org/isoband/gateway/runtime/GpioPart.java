package org.isoband.gateway.runtime;

import com.pi4j.context.Context;
import org.isoband.device.gpio.GpioUnavailableException;
import org.isoband.device.gpio.Pi4jButton;
import org.isoband.device.gpio.Pi4jOutputs;
import org.isoband.device.gpio.Pi4jPins;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.session.GpioFeedback;

/**
 * The buzzer, LED and button on the configured pins (present when any pin is set). Optional: off a Pi, or
 * with GPIO taken, the session goes on without them and says so once.
 */
final class GpioPart implements Part {
    private final GatewayConfig.Gpio pins;
    private GpioFeedback feedback;

    GpioPart(GatewayConfig.Gpio pins) {
        this.pins = pins;
    }

    static boolean wanted(GatewayConfig.Gpio pins) {
        return pins.buzzer() >= 0 || pins.led() >= 0 || pins.button() >= 0;
    }

    @Override
    public String name() {
        return "buzzer, LED and button";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public void start(PartContext context) throws GpioUnavailableException {
        Context pi4j = Pi4jPins.onPi();
        // GpioFeedback takes null for a part that is not wired (its own contract, kept here only).
        feedback = new GpioFeedback(pins.buzzer() >= 0 ? Pi4jOutputs.buzzer(pi4j, pins.buzzer()) : null,
                pins.led() >= 0 ? Pi4jOutputs.led(pi4j, pins.led()) : null,
                pins.button() >= 0 ? Pi4jButton.open(pi4j, pins.button(), Pi4jButton.DEFAULT_DEBOUNCE) : null,
                context::command);
        context.listen(feedback);
    }

    /** A wired button starts the plan (and pauses it), so the plan need not start by itself. */
    @Override
    public boolean takesInput() {
        return feedback != null && feedback.hasButton();
    }

    @Override
    public void stop() {
        feedback.close();
    }
}
