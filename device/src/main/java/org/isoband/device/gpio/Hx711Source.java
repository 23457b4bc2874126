package org.isoband.device.gpio;

import com.pi4j.context.Context;
import org.isoband.core.sample.Calibration;
import org.isoband.device.source.SourceDescription;

/**
 * A load cell through an HX711 as a {@link org.isoband.device.source.SampleSource}: reads every conversion
 * (10 or 80 Hz, paced by the chip) on its own daemon thread and delivers it in newtons through the band's
 * {@link Calibration}. Saturated, stuck, stretched and settling readings are counted and held back; a chip
 * that stops answering makes the link LOST and is reset until it answers again (see {@link WiredSource}).
 * Kind {@code hx711}.
 */
public final class Hx711Source extends WiredSource {
    private final Hx711Reader reader;
    private final Calibration calibration;
    private final Runnable release;

    /**
     * A source over a reader whose pins the caller owns ({@code release} frees them when the source closes).
     */
    public Hx711Source(Hx711Reader reader, Calibration calibration, GpioClock clock, Runnable release) {
        super(new SourceDescription(reader.config().where(), "hx711", reader.config().rateHz()), clock,
                ReadingGuard.hx711(reader.config().stuckAfter()));
        this.reader = reader;
        this.calibration = calibration;
        this.release = release;
    }

    /** Opens the HX711's pins in {@code pi4j} (DOUT input, SCK output starting low) and makes a source of it. */
    public static Hx711Source open(Context pi4j, Hx711Config config, Calibration calibration)
            throws GpioUnavailableException {
        Hx711Pins pins = Hx711Pins.open(pi4j, config);
        return new Hx711Source(new Hx711Reader(pins.dout(), pins.sck(), config, GpioClock.SYSTEM), calibration,
                GpioClock.SYSTEM, pins::release);
    }

    @Override
    protected void openChip() throws SensorException, InterruptedException {
        reader.reset();
    }

    @Override
    protected RawReading readChip() throws SensorException, InterruptedException {
        return reader.read();
    }

    @Override
    protected double toNewtons(int raw) {
        return calibration.toNewtons(raw);
    }

    @Override
    protected void closeChip() {
        try {
            // Leave the chip powered down: the load cell's excitation is off while nobody reads it.
            reader.powerDown();
        } catch (SensorException e) {
            LOG.warn("cannot power the HX711 down: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release.run();
        }
    }
}
