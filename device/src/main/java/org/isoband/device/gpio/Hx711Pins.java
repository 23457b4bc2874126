package org.isoband.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

/** The two pins of an HX711, opened in a Pi4J context. */
public record Hx711Pins(Context pi4j, DigitalInput dout, DigitalOutput sck) {

    public static Hx711Pins open(Context pi4j, Hx711Config config) throws GpioUnavailableException {
        // DOUT is driven by the chip. The pull-up makes an unplugged DOUT read "not ready" (a clear timeout)
        // rather than float and pass for data.
        DigitalInput dout = Pi4jPins.input(pi4j, config.doutPin(), PullResistance.PULL_UP,
                "hx711-dout-" + config.doutPin(), "HX711 DOUT");
        DigitalOutput sck;
        try {
            // SCK starts low (high for 60 us powers the chip down) and is left high when released, so the
            // chip and the load cell's excitation stay off while nobody reads them.
            sck = Pi4jPins.output(pi4j, config.sckPin(), DigitalState.LOW, DigitalState.HIGH,
                    "hx711-sck-" + config.sckPin(), "HX711 PD_SCK");
        } catch (GpioUnavailableException e) {
            Pi4jPins.release(pi4j, dout);
            throw e;
        }
        return new Hx711Pins(pi4j, dout, sck);
    }

    public void release() {
        Pi4jPins.release(pi4j, dout, sck);
    }
}
