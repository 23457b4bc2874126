package org.isoband.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;

/**
 * Opens the Pi's pins and I2C devices through a Pi4J {@link Context}, turning Pi4J's unchecked failures
 * into a {@link GpioUnavailableException} that says which pin and what to check. Pin numbers are BCM
 * (the GPIO numbers, not the header positions).
 *
 * <p>Pi4J's providers do not fail in one way: besides {@code Pi4JException}, the gpiod provider throws
 * {@code IllegalStateException("No gpio chip yet initialized!")} on a machine without {@code /dev/gpiochip0}.
 * So every call into Pi4J here (and in the chip readers) catches {@code RuntimeException}, with only that
 * call inside the {@code try}.
 */
public final class Pi4jPins {
    private Pi4jPins() {
    }

    /**
     * The Pi4J context of a Raspberry Pi: the platform and the providers found on the class path (gpiod for
     * digital I/O, linuxfs for I2C). The caller shuts it down.
     */
    public static Context onPi() throws GpioUnavailableException {
        try {
            return Pi4J.newAutoContext();
        } catch (RuntimeException | LinkageError e) {
            throw new GpioUnavailableException("cannot start Pi4J: " + e.getMessage()
                    + " (is this a Raspberry Pi with /dev/gpiochip0?)", e);
        }
    }

    public static DigitalInput input(Context pi4j, int bcm, PullResistance pull, String id, String name)
            throws GpioUnavailableException {
        try {
            return pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id).name(name).address(bcm).pull(pull));
        } catch (RuntimeException e) {
            throw unavailable("GPIO " + bcm + " (" + name + ") as input", e);
        }
    }

    /** An output that starts at {@code initial} and is driven to {@code atShutdown} when released. */
    public static DigitalOutput output(Context pi4j, int bcm, DigitalState initial, DigitalState atShutdown, String id,
                                       String name) throws GpioUnavailableException {
        try {
            return pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(name).address(bcm)
                    .initial(initial).shutdown(atShutdown));
        } catch (RuntimeException e) {
            throw unavailable("GPIO " + bcm + " (" + name + ") as output", e);
        }
    }

    public static I2C i2c(Context pi4j, int bus, int address, String id, String name) throws GpioUnavailableException {
        try {
            return pi4j.create(I2C.newConfigBuilder(pi4j).id(id).name(name).bus(bus).device(address));
        } catch (RuntimeException e) {
            throw unavailable(String.format("I2C bus %d, address 0x%02X (%s)", bus, address, name), e);
        }
    }

    /** Shuts the given I/Os down in the context (they return to their shutdown state); failures are logged. */
    public static void release(Context pi4j, IO<?, ?, ?>... ios) {
        for (IO<?, ?, ?> io : ios) {
            if (io == null) {
                continue;
            }
            try {
                pi4j.shutdown(io.id());
            } catch (RuntimeException e) {
                WiredSource.LOG.warn("cannot release {}: {}", io.id(), e.getMessage());
            }
        }
    }

    private static GpioUnavailableException unavailable(String what, RuntimeException e) {
        return new GpioUnavailableException("cannot open " + what + ": " + e.getMessage()
                + " (is it in use, or wired elsewhere? is I2C enabled, and may this user open /dev/gpiochip* and /dev/i2c-*?)", e);
    }
}
