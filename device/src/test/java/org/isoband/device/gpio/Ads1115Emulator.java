package org.isoband.device.gpio;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An ADS1115 behind Pi4J's I2C interface, for tests. Pi4J's own {@code MockI2C} keeps a FIFO of bytes per
 * register (a read consumes what a write put there), which cannot act as a chip whose Config register
 * reports a conversion in progress and whose Conversion register holds a result that can be read any number
 * of times. So this subclass keeps the real registers (TI SBAS444, "Register Map") and overrides the two
 * block transfers that Pi4J's word reads and writes go through:
 * <ul>
 *   <li>writing Config with OS=1 in single-shot mode starts a conversion that takes 1/DR on the
 *       {@link FakeClock} (times a slowness factor), during which Config reads OS=0;</li>
 *   <li>the result is the selected input's voltage (MUX) over the full-scale range (PGA), saturating at
 *       0x7FFF and 0x8000.</li>
 * </ul>
 * A test can unplug it (every transfer fails like an unacknowledged address), hang it (conversions never end),
 * or make it ignore writes (some other chip at the address).
 */
final class Ads1115Emulator extends MockI2C {
    private final FakeClock clock;
    private final double[] volts = new double[4];
    private final ConcurrentLinkedQueue<Double> queued = new ConcurrentLinkedQueue<>();
    private final List<Integer> configWrites = new ArrayList<>();

    private int config = 0x8583 & ~Ads1115Reader.OS; // reset value; OS is reported from the conversion state
    private int conversion;
    private boolean converting;
    private long doneAt;
    private int pending;
    private int conversions;
    private int configReads;
    private double slowness = 1.0;
    private volatile boolean unplugged;
    private volatile boolean hung;
    private volatile boolean ignoreWrites;

    Ads1115Emulator(I2CProvider provider, I2CConfig config, FakeClock clock) {
        super(provider, config);
        this.clock = clock;
    }

    /** The voltage on AIN{@code pin} against GND, used while nothing is queued. */
    synchronized Ads1115Emulator volts(int pin, double v) {
        volts[pin] = v;
        return this;
    }

    /** The measured (differential) voltage of the next conversions, one each, whatever the MUX. */
    Ads1115Emulator queue(double... measured) {
        for (double v : measured) {
            queued.add(v);
        }
        return this;
    }

    synchronized void slowness(double factor) {
        slowness = factor;
    }

    void unplug(boolean value) {
        unplugged = value;
    }

    void hang() {
        hung = true;
    }

    void ignoreWrites() {
        ignoreWrites = true;
    }

    synchronized List<Integer> configWrites() {
        return List.copyOf(configWrites);
    }

    synchronized int conversions() {
        return conversions;
    }

    synchronized int configReads() {
        return configReads;
    }

    int queued() {
        return queued.size();
    }

    @Override
    public synchronized int writeRegister(int register, byte[] data, int offset, int length) {
        checkPlugged();
        if (ignoreWrites || length != 2) {
            return length;
        }
        int word = (data[offset] & 0xFF) << 8 | data[offset + 1] & 0xFF;
        if (register == Ads1115Reader.REG_CONFIG) {
            configWrites.add(word);
            config = word & ~Ads1115Reader.OS;
            boolean start = (word & Ads1115Reader.OS) != 0 && (word & Ads1115Reader.MODE_SINGLE) != 0;
            if (start && !converting) {
                int sps = Ads1115Config.DATA_RATES[word >> 5 & 0b111];
                converting = true;
                doneAt = clock.nanoTime() + (long) (1e9 / sps * slowness);
                pending = code(word);
            }
        }
        return length;
    }

    @Override
    public synchronized int readRegister(int register, byte[] buffer, int offset, int length) {
        checkPlugged();
        if (converting && !hung && clock.nanoTime() - doneAt >= 0) {
            converting = false;
            conversion = pending;
            conversions++;
        }
        int word = switch (register) {
            case Ads1115Reader.REG_CONVERSION -> conversion & 0xFFFF;
            case Ads1115Reader.REG_CONFIG -> {
                configReads++;
                yield ignoreWrites ? 0x8583 : config | (converting ? 0 : Ads1115Reader.OS);
            }
            default -> 0;
        };
        buffer[offset] = (byte) (word >> 8);
        if (length > 1) {
            buffer[offset + 1] = (byte) word;
        }
        return Math.min(length, 2);
    }

    private int code(int word) {
        Double next = queued.poll();
        double v;
        if (next != null) {
            v = next;
        } else {
            Ads1115Input input = Ads1115Input.ofMux(word >> 12 & 0b111);
            v = volts[input.positive()] - (input.negative() < 0 ? 0 : volts[input.negative()]);
        }
        double fullScale = Ads1115Range.ofPga(word >> 9 & 0b111).fullScaleVolts();
        long code = Math.round(v / fullScale * 32768);
        return (int) Math.max(-32768, Math.min(32767, code));
    }

    private void checkPlugged() {
        if (unplugged) {
            throw new IOException("I2C bus " + config().bus() + " device 0x" + Integer.toHexString(config().device())
                    + ": Remote I/O error (no acknowledge)");
        }
    }
}
