package org.isoband.device.gpio;

import com.pi4j.context.Context;
import java.util.Locale;

/** The HX711's raw codes one good reading at a time, for calibration. */
public final class Hx711RawSensor implements RawSensor {
    private final Hx711Reader reader;
    private final GpioClock clock;
    private final ReadingGuard guard;
    private final Runnable release;
    private boolean started;

    public Hx711RawSensor(Hx711Reader reader, GpioClock clock, Runnable release) {
        this.reader = reader;
        this.clock = clock;
        this.guard = ReadingGuard.hx711(reader.config().stuckAfter());
        this.release = release;
    }

    /** Opens the HX711 on this Raspberry Pi (its own Pi4J context, shut down on close). */
    public static Hx711RawSensor onPi(Hx711Config config) throws GpioUnavailableException {
        Context pi4j = Pi4jPins.onPi();
        Hx711Pins pins;
        try {
            pins = Hx711Pins.open(pi4j, config);
        } catch (GpioUnavailableException e) {
            pi4j.shutdown();
            throw e;
        }
        return new Hx711RawSensor(new Hx711Reader(pins.dout(), pins.sck(), config, GpioClock.SYSTEM),
                GpioClock.SYSTEM, () -> {
                    pins.release();
                    pi4j.shutdown();
                });
    }

    @Override
    public String description() {
        return reader.config().where();
    }

    @Override
    public RawReading next() throws SensorException, InterruptedException {
        if (!started) {
            reader.reset();
            started = true;
        }
        long since = clock.nanoTime();
        while (true) {
            RawReading reading = guard.check(reader.read());
            if (reading.good()) {
                return reading;
            }
            if (reading.tNanos() - since >= WiredSource.LOST_AFTER_NANOS) {
                throw new SensorException(String.format(Locale.ROOT, "%s: no valid reading for %.1f s, the last %s (raw %d)",
                        description(), WiredSource.LOST_AFTER_NANOS / 1e9, reading.flag().words(), reading.raw()));
            }
        }
    }

    @Override
    public void close() {
        try {
            reader.powerDown();
        } catch (SensorException e) {
            WiredSource.LOG.warn("cannot power the HX711 down: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release.run();
        }
    }
}
