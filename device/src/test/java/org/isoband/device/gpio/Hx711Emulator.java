package org.isoband.device.gpio;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToIntFunction;

/**
 * The HX711 as the driver sees it over Pi4J's mock pins: it listens to the mock SCK output's state changes
 * and sets the mock DOUT input the way the chip does (datasheet, "Serial Interface", "Reset and
 * Power-Down"):
 * <ul>
 *   <li>a conversion completes every period of the {@link FakeClock} while there is an input queued; DOUT goes
 *       low when it is ready, and the input is used up when a read starts;</li>
 *   <li>each rising SCK edge puts the next bit on DOUT, MSB first; the 25th pulls DOUT high;</li>
 *   <li>the number of pulses of a read (25, 26, 27) sets the gain of the next conversion;</li>
 *   <li>SCK high for more than 60 us powers it down; SCK low again resets it to channel A, gain 128.</li>
 * </ul>
 * Inputs are queued as a function of the gain the conversion is made at, clamped to the 24-bit range as the
 * chip saturates. A test can stretch one SCK pulse (advance the clock while it is high), as a GC pause would.
 */
final class Hx711Emulator {
    private final MockDigitalInput dout;
    private final FakeClock clock;
    private final long periodNanos;
    private final ConcurrentLinkedQueue<ToIntFunction<Hx711Gain>> inputs = new ConcurrentLinkedQueue<>();

    private Hx711Gain nextGain = Hx711Gain.A128;
    private long nextConversionAt;
    private int latched;
    private boolean ready;
    private int pulses;
    private long highSince;
    private boolean sckHigh;
    private int stretchPulse;
    private long stretchNanos;

    private final List<Hx711Gain> conversionGains = new ArrayList<>();
    private final List<Integer> pulsesPerRead = new ArrayList<>();
    private int resets;
    private int communicationErrors;

    Hx711Emulator(MockDigitalInput dout, MockDigitalOutput sck, FakeClock clock, int rateHz) {
        this.dout = dout;
        this.clock = clock;
        this.periodNanos = 1_000_000_000L / rateHz;
        this.nextConversionAt = clock.nanoTime() + periodNanos;
        dout.mockState(DigitalState.HIGH);
        sck.addListener(e -> onSck(((DigitalStateChangeEvent<?>) e).state()));
        clock.onAdvance(this::tick);
    }

    /** Queues one conversion of an analog input: the code is {@code input * gain}, saturating like the chip. */
    Hx711Emulator input(double input) {
        inputs.add(gain -> clamp(Math.round(input * gain.gain())));
        return this;
    }

    /** Queues one conversion that yields exactly {@code code}, whatever the gain. */
    Hx711Emulator code(int code) {
        inputs.add(gain -> code);
        return this;
    }

    Hx711Emulator codes(int code, int times) {
        for (int i = 0; i < times; i++) {
            code(code);
        }
        return this;
    }

    /** The {@code pulse}-th SCK pulse of the next read (1-based) stays high {@code nanos} longer. */
    synchronized void stretchPulse(int pulse, long nanos) {
        stretchPulse = pulse;
        stretchNanos = nanos;
    }

    synchronized List<Hx711Gain> conversionGains() {
        return List.copyOf(conversionGains);
    }

    synchronized List<Integer> pulsesPerRead() {
        return List.copyOf(pulsesPerRead);
    }

    synchronized int resets() {
        return resets;
    }

    synchronized int communicationErrors() {
        return communicationErrors;
    }

    synchronized boolean poweredDown() {
        return sckHigh && clock.nanoTime() - highSince > Hx711Reader.POWER_DOWN_NANOS;
    }

    int queued() {
        return inputs.size();
    }

    private synchronized void tick(long now) {
        while (now - nextConversionAt >= 0) {
            nextConversionAt += periodNanos;
            if (sckHigh || (pulses > 0 && pulses < 24)) {
                continue; // powered down, or in the middle of shifting a result out
            }
            endRead();
            // The input stays until a read takes it (see onSck): a conversion nobody reads is overwritten by
            // the next one of the same input, as on the chip, and what a test queues is what the driver sees.
            ToIntFunction<Hx711Gain> input = inputs.peek();
            if (input == null) {
                continue; // nothing to convert: the chip stays silent, as an unplugged one would
            }
            conversionGains.add(nextGain);
            latched = input.applyAsInt(nextGain);
            ready = true;
            dout.mockState(DigitalState.LOW);
        }
    }

    /** The pulses of the read that just ended choose the gain of the next conversion. */
    private void endRead() {
        if (pulses == 0) {
            return;
        }
        pulsesPerRead.add(pulses);
        switch (pulses) {
            case 25 -> nextGain = Hx711Gain.A128;
            case 26 -> nextGain = Hx711Gain.B32;
            case 27 -> nextGain = Hx711Gain.A64;
            default -> communicationErrors++;
        }
        pulses = 0;
    }

    private synchronized void onSck(DigitalState state) {
        if (state == DigitalState.HIGH) {
            sckHigh = true;
            highSince = clock.nanoTime();
            if (ready || pulses > 0) {
                if (pulses == 0) {
                    inputs.poll(); // this read takes the latched conversion
                }
                pulses++;
                if (pulses <= 24) {
                    dout.mockState((latched >> (24 - pulses) & 1) == 1 ? DigitalState.HIGH : DigitalState.LOW);
                } else if (pulses == 25) {
                    dout.mockState(DigitalState.HIGH);
                    ready = false;
                }
            }
            if (stretchPulse > 0 && pulses == stretchPulse) {
                stretchPulse = 0;
                clock.advance(stretchNanos);
            }
        } else {
            sckHigh = false;
            if (clock.nanoTime() - highSince > Hx711Reader.POWER_DOWN_NANOS) {
                // Powered down while SCK was high; SCK low resets the chip (channel A, gain 128).
                resets++;
                if (pulses > 0) {
                    pulsesPerRead.add(pulses);
                }
                pulses = 0;
                ready = false;
                nextGain = Hx711Gain.A128;
                nextConversionAt = clock.nanoTime() + periodNanos;
                dout.mockState(DigitalState.HIGH);
            }
        }
    }

    private static int clamp(long code) {
        return (int) Math.max(-0x800000, Math.min(0x7FFFFF, code));
    }
}
