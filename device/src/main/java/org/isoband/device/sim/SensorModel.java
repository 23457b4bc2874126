package org.isoband.device.sim;

/**
 * How the simulated sensor reads the band: rate, timing jitter, lost samples, noise and tremor, resolution.
 *
 * @param hz        nominal sample rate
 * @param jitter    timing jitter as a fraction of the sample period
 * @param loss      probability that a sample is lost (BLE notifications do get lost)
 * @param noiseN    sensor noise, standard deviation in newtons
 * @param tremorPct tremor of the contracting muscle, % of the tension above rest
 * @param stepN     resolution (0.5 N for a crane scale; 0 for none)
 */
public record SensorModel(double hz, double jitter, double loss, double noiseN, double tremorPct, double stepN) {

    public SensorModel {
        if (!(hz > 0 && hz <= 5000)) {
            throw new IllegalArgumentException("sample rate must be between 0 and 5000 Hz, got " + hz);
        }
        if (!(loss >= 0 && loss < 1)) {
            throw new IllegalArgumentException("loss must be a probability below 1, got " + loss);
        }
    }

    /** A load cell through an HX711 at 80 Hz, or a BLE force gauge. */
    public static SensorModel loadCell(double hz) {
        return new SensorModel(hz, 0.1, 0.0, 0.3, 1.5, 0);
    }

    public SensorModel withLoss(double probability) {
        return new SensorModel(hz, jitter, probability, noiseN, tremorPct, stepN);
    }
}
