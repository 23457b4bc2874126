package org.isoband.core.sample;

/**
 * Maps a sensor's raw reading to newtons: {@code newtons = (raw - offset) * scale}.
 *
 * <p>For a stretch sensor the raw reading is an elongation in millimetres and the band's stiffness turns
 * it into tension ({@code k * elongation}); for a load cell the stiffness is only used to explain a change
 * of tension as a movement of the leg ({@link #displacementMm}).
 *
 * @param offsetRaw            raw reading with the band slack (tare)
 * @param scaleNewtonsPerRaw   newtons per raw unit; must be finite and non-zero
 * @param bandStiffnessNPerM   band stiffness k in N/m (typical bands 50-300 N/m); must be positive
 */
public record Calibration(double offsetRaw, double scaleNewtonsPerRaw, double bandStiffnessNPerM) {

    /** A load cell that already reports newtons, with a medium band. */
    public static final Calibration IDENTITY = new Calibration(0, 1, 150);

    public Calibration {
        if (!Double.isFinite(offsetRaw)) {
            throw new IllegalArgumentException("calibration offset must be a finite number, got " + offsetRaw);
        }
        if (!Double.isFinite(scaleNewtonsPerRaw) || scaleNewtonsPerRaw == 0) {
            throw new IllegalArgumentException("calibration scale must be finite and non-zero, got " + scaleNewtonsPerRaw);
        }
        if (!Double.isFinite(bandStiffnessNPerM) || bandStiffnessNPerM <= 0) {
            throw new IllegalArgumentException("band stiffness must be positive (N/m), got " + bandStiffnessNPerM);
        }
    }

    public double toNewtons(double raw) {
        return (raw - offsetRaw) * scaleNewtonsPerRaw;
    }

    /** Tension of the band stretched by {@code elongationMm} beyond its slack length. */
    public double tensionFromElongation(double elongationMm) {
        return bandStiffnessNPerM * elongationMm / 1000.0;
    }

    /** How far the foot must have moved for the tension to change by {@code deltaNewtons}. */
    public double displacementMm(double deltaNewtons) {
        return deltaNewtons / bandStiffnessNPerM * 1000.0;
    }

    /** The same calibration with a new tare taken at {@code slackRaw}. */
    public Calibration tared(double slackRaw) {
        return new Calibration(slackRaw, scaleNewtonsPerRaw, bandStiffnessNPerM);
    }

    /**
     * Two-point calibration: {@code slackRaw} with no load, {@code loadedRaw} under {@code knownNewtons}.
     */
    public static Calibration fromTwoPoints(double slackRaw, double loadedRaw, double knownNewtons, double stiffness) {
        double span = loadedRaw - slackRaw;
        if (span == 0) {
            throw new IllegalArgumentException("the loaded reading equals the slack reading: is the weight hanging on the sensor?");
        }
        return new Calibration(slackRaw, knownNewtons / span, stiffness);
    }
}
