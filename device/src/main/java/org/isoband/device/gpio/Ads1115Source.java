package org.isoband.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import org.isoband.core.sample.Calibration;
import org.isoband.device.source.SourceDescription;

/**
 * A resistive stretch sensor read through an ADS1115 as a {@link org.isoband.device.source.SampleSource}: one
 * single-shot conversion per sample at the configured rate, on its own daemon thread. The code becomes the
 * band's elongation through an {@link ElongationTable}, and the elongation becomes tension through
 * {@link Calibration#tensionFromElongation} (the band's stiffness). Saturated and stuck codes are counted and
 * held back; bus errors and timeouts are retried, and the link is LOST when no good reading came for a
 * second (see {@link WiredSource}). Kind {@code ads1115}.
 */
public final class Ads1115Source extends WiredSource {
    private final Ads1115Reader reader;
    private final ElongationTable table;
    private final Calibration calibration;
    private final GpioClock clock;
    private final Runnable release;
    private long nextAt = Long.MIN_VALUE;

    public Ads1115Source(Ads1115Reader reader, ElongationTable table, Calibration calibration, GpioClock clock,
                         Runnable release) {
        super(new SourceDescription(reader.config().where() + ", " + reader.config().input(), "ads1115",
                reader.config().rateHz()), clock, ReadingGuard.ads1115(reader.config().stuckAfter()));
        this.reader = reader;
        this.table = table;
        this.calibration = calibration;
        this.clock = clock;
        this.release = release;
    }

    /** Opens the ADS1115 on I2C in {@code pi4j} and makes a source of it. */
    public static Ads1115Source open(Context pi4j, Ads1115Config config, ElongationTable table, Calibration calibration)
            throws GpioUnavailableException {
        I2C i2c = Pi4jPins.i2c(pi4j, config.bus(), config.address(),
                String.format("ads1115-%d-%02x", config.bus(), config.address()), "ADS1115 stretch sensor");
        return new Ads1115Source(new Ads1115Reader(i2c, config, GpioClock.SYSTEM), table, calibration,
                GpioClock.SYSTEM, () -> Pi4jPins.release(pi4j, i2c));
    }

    @Override
    protected void openChip() throws SensorException {
        reader.configure();
        nextAt = clock.nanoTime();
    }

    @Override
    protected RawReading readChip() throws SensorException, InterruptedException {
        // Pace by a schedule, not by sleeping a period after each read, so the rate does not drift by the
        // conversion and bus time; after a stall, restart the schedule instead of bursting to catch up.
        long now = clock.nanoTime();
        long period = reader.config().periodNanos();
        if (now - nextAt > period) {
            nextAt = now;
        } else if (nextAt - now > 0) {
            clock.sleepNanos(nextAt - now);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
        nextAt += period;
        return reader.read();
    }

    /** Elongation in millimetres of a raw code, through the table. */
    public double elongationMm(int raw) {
        return table.elongationMm(raw);
    }

    @Override
    protected double toNewtons(int raw) {
        return calibration.tensionFromElongation(table.elongationMm(raw));
    }

    @Override
    protected void closeChip() {
        // Single-shot mode already powers the chip down between conversions: only the bus is freed.
        release.run();
    }
}
