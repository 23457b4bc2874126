package org.isoband.device.sim;

import java.util.Locale;

/**
 * How the simulated sensor reads the band: rate and timing, lost samples, noise and tremor, resolution, and
 * the faults real sensors show.
 *
 * @param hz         nominal sample rate
 * @param jitter     timing jitter as a fraction of the sample period
 * @param loss       probability that a sample is lost (BLE notifications do get lost)
 * @param noiseN     sensor noise, standard deviation in newtons
 * @param tremorPct  tremor of the contracting muscle, % of the tension above rest (standard deviation)
 * @param stepN      resolution (0.5 N for a crane scale; 0 for none)
 * @param tremorHz   0: the tremor is white; else physiological tremor around this frequency (8-12 Hz)
 * @param humN       amplitude of 50 Hz mains hum picked up by the wiring (a 1 kHz ADC sees it)
 * @param wildRate   probability per sample of a wild reading (an HX711 bit slip: 0 N, double, or a jump)
 * @param deadbandN  the gauge reports a new value only when it changed by more than this (0: every reading)
 * @param timing     how the samples are spaced
 */
public record SensorModel(double hz, double jitter, double loss, double noiseN, double tremorPct, double stepN,
                          double tremorHz, double humN, double wildRate, double deadbandN, SampleTiming timing) {

    /** How a sensor spaces its samples. */
    public enum SampleTiming {
        /** The nominal period with jitter. */
        REGULAR,
        /** A Tindeq Progressor: ~11.4 ms with a double interval about every 16th sample (~82 Hz mean). */
        PROGRESSOR
    }

    public SensorModel {
        if (!(hz > 0 && hz <= 5000)) {
            throw new IllegalArgumentException("sample rate must be between 0 and 5000 Hz, got " + hz);
        }
        if (!(loss >= 0 && loss < 1)) {
            throw new IllegalArgumentException("loss must be a probability below 1, got " + loss);
        }
        if (!(wildRate >= 0 && wildRate < 1)) {
            throw new IllegalArgumentException("wild rate must be a probability below 1, got " + wildRate);
        }
    }

    public SensorModel(double hz, double jitter, double loss, double noiseN, double tremorPct, double stepN) {
        this(hz, jitter, loss, noiseN, tremorPct, stepN, 0, 0, 0, 0, SampleTiming.REGULAR);
    }

    /** A load cell through an HX711 at 80 Hz, or a BLE force gauge. */
    public static SensorModel loadCell(double hz) {
        return new SensorModel(hz, 0.1, 0.0, 0.3, 1.5, 0);
    }

    /** The sensors the simulator knows by name, as real ones read (see {@link #named}). */
    public static final String NAMES = "loadcell, progressor, hx711, crane, crane-ble, deadband, forceplate";

    /**
     * A sensor by name: {@code loadcell} (80 Hz), {@code progressor} (Tindeq timing, 10 Hz tremor),
     * {@code hx711} (10 Hz with wild readings now and then), {@code crane} (10 Hz, 0.5 N steps, 10 % lost),
     * {@code crane-ble} (a crane scale heard through advertisements: 6.5 Hz irregular, 20 % lost, 0.1 N
     * steps), {@code deadband} (a gauge that reports only changes of more than 1 N), {@code forceplate}
     * (1 kHz with 50 Hz hum and 8-12 Hz tremor).
     */
    public static SensorModel named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "loadcell" -> loadCell(80);
            case "progressor" -> new SensorModel(88, 0.05, 0, 0.2, 1.5, 0, 10, 0, 0, 0, SampleTiming.PROGRESSOR);
            case "hx711" -> new SensorModel(10, 0.1, 0, 0.5, 1.5, 0, 0, 0, 0.01, 0, SampleTiming.REGULAR);
            case "crane" -> new SensorModel(10, 0.2, 0.1, 0.3, 1.5, 0.5);
            case "crane-ble" -> new SensorModel(6.5, 0.6, 0.2, 0.15, 1.5, 0.1);
            case "deadband" -> new SensorModel(40, 0.1, 0, 0.1, 0.4, 0.1, 10, 0, 0, 1.0, SampleTiming.REGULAR);
            case "forceplate" -> new SensorModel(1000, 0.01, 0, 1.0, 2.0, 0, 10, 3.0, 0, 0, SampleTiming.REGULAR);
            default -> throw new IllegalArgumentException("unknown sensor '" + name + "' (one of: " + NAMES + ")");
        };
    }

    public SensorModel withLoss(double probability) {
        return new SensorModel(hz, jitter, probability, noiseN, tremorPct, stepN, tremorHz, humN, wildRate, deadbandN,
                timing);
    }

    public SensorModel withRate(double newHz) {
        return new SensorModel(newHz, jitter, loss, noiseN, tremorPct, stepN, tremorHz, humN, wildRate, deadbandN,
                timing);
    }
}
