package org.isoband.core.detect;

/**
 * Thresholds of the {@link HoldDetector}. Every window is in seconds and every level is in newtons or in
 * percent of the contraction's amplitude (its level above the rest tension before it), never in sample
 * counts, so one configuration serves sensors from 5 Hz to 1 kHz.
 *
 * @param holdTargetS      a steady stretch this long makes the rep HELD
 * @param smoothS          trailing mean that takes out tremor and sensor noise before judging steadiness
 * @param settleS          the smoothed tension must stay inside the steady band this long to count as settled
 * @param bandPct          half-width of the steady band, % of amplitude (a move is twice this)
 * @param tremorPct        tremor of a healthy steady hold, % of the force (docs/detector.md, "Method": 1-3 %); with the
 *                         sensor noise it sets the narrowest band a weak contraction can be judged by
 * @param wobbleS          window over which a steady stretch's raw variation is judged
 * @param wobblePct        a stretch whose tension varies by more than this standard deviation (% of
 *                         amplitude, beyond the expected noise) over {@code wobbleS} is wobbling, not steady
 *                         (docs/detector.md, "Method": an oscillation of +/-10 % of amplitude has a deviation of 7 %)
 * @param movePct          a sustained change of at least this much (% of amplitude) is a movement of the leg
 * @param breakConfirmS    an excursion outside the band must last this long to break a steady stretch
 * @param moveCheckS       how long after a break the new level is compared with the old one
 * @param minStretchS      shorter steady stretches do not count (a wobble passing through its peak)
 * @param minAmplitudeN    smallest contraction worth a rep, ever
 * @param onsetNoiseFactor a rise must exceed this many rest-noise standard deviations to start a rep
 * @param releaseFraction  below rest + this fraction of the top level, the contraction is being released
 * @param releaseSettleS   the released tension must stay flat this long for the rep to end
 * @param restWindowS      the rest tension is the mean over this window just before a rep starts
 * @param maxGapS          a longer silence from the sensor inside a rep interrupts the rep
 * @param maxContractionS  a "contraction" longer than this is a new rest tension (the angle changed)
 * @param fullScaleN       readings at or above this are saturated and dropped ({@code +Infinity}: no limit)
 * @param firstRepMinN     the first rep of a session (no rep to compare with yet) must rise at least this
 *                         far above its rest: set-up tension and fidgets (5-30 N) stay below it
 * @param firstRepRestPct  ... and at least this % of the rest tension itself (a force plate's rest is the
 *                         body weight, whose shifts reach 20-40 % of it)
 * @param repFloorPct      after that, a rep must rise at least this % of the median rise of the last 3 reps
 *                         (fidgets at rest are smaller)
 * @param plateauPct       a rise below this % of that median is a rest plateau when it starts within
 *                         {@code plateauRestS} of the last rep's end, and set-up tension when the tension
 *                         climbs on from it
 * @param plateauRestS     the rest of a timed protocol, in which the tension may sit on a plateau
 * @param candidateS       a rise still below the floor this long after its onset is a new rest, not a rep
 */
public record DetectorConfig(
        double holdTargetS,
        double smoothS,
        double settleS,
        double bandPct,
        double tremorPct,
        double wobbleS,
        double wobblePct,
        double movePct,
        double breakConfirmS,
        double moveCheckS,
        double minStretchS,
        double minAmplitudeN,
        double onsetNoiseFactor,
        double releaseFraction,
        double releaseSettleS,
        double restWindowS,
        double maxGapS,
        double maxContractionS,
        double fullScaleN,
        double firstRepMinN,
        double firstRepRestPct,
        double repFloorPct,
        double plateauPct,
        double plateauRestS,
        double candidateS) {

    public static final DetectorConfig DEFAULTS = new DetectorConfig(
            6.0, 0.2, 0.2, 7.5, 2.5, 1.0, 5.0, 15.0, 0.25, 1.0, 1.0,
            5.0, 8.0, 0.4, 0.3, 1.0, 2.0, 120.0, Double.POSITIVE_INFINITY, 25.0, 50.0, 15.0, 60.0, 3.0, 1.5);

    public DetectorConfig {
        positive("holdTargetS", holdTargetS);
        positive("smoothS", smoothS);
        positive("settleS", settleS);
        positive("bandPct", bandPct);
        positive("movePct", movePct);
        positive("tremorPct", tremorPct);
        positive("wobbleS", wobbleS);
        positive("wobblePct", wobblePct);
        positive("breakConfirmS", breakConfirmS);
        positive("moveCheckS", moveCheckS);
        positive("minStretchS", minStretchS);
        positive("minAmplitudeN", minAmplitudeN);
        positive("onsetNoiseFactor", onsetNoiseFactor);
        positive("releaseSettleS", releaseSettleS);
        positive("restWindowS", restWindowS);
        positive("maxGapS", maxGapS);
        positive("maxContractionS", maxContractionS);
        positive("firstRepMinN", firstRepMinN);
        positive("candidateS", candidateS);
        positive("plateauRestS", plateauRestS);
        if (!(firstRepRestPct >= 0 && firstRepRestPct < 100) || !(repFloorPct >= 0 && repFloorPct <= plateauPct)
                || !(plateauPct < 100)) {
            throw new IllegalArgumentException("need 0 <= firstRepRestPct < 100 and 0 <= repFloorPct <= plateauPct < 100, got "
                    + firstRepRestPct + ", " + repFloorPct + ", " + plateauPct);
        }
        if (!(releaseFraction > 0 && releaseFraction < 1)) {
            throw new IllegalArgumentException("releaseFraction must be between 0 and 1, got " + releaseFraction);
        }
        if (!(fullScaleN > 0)) {
            throw new IllegalArgumentException("fullScaleN must be positive, got " + fullScaleN);
        }
        if (movePct <= bandPct) {
            throw new IllegalArgumentException("movePct (" + movePct + ") must exceed bandPct (" + bandPct + ")");
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
    }

    public DetectorConfig withHoldTarget(double seconds) {
        return new DetectorConfig(seconds, smoothS, settleS, bandPct, tremorPct, wobbleS, wobblePct, movePct, breakConfirmS, moveCheckS,
                minStretchS, minAmplitudeN, onsetNoiseFactor, releaseFraction, releaseSettleS, restWindowS,
                maxGapS, maxContractionS, fullScaleN, firstRepMinN, firstRepRestPct, repFloorPct, plateauPct, plateauRestS, candidateS);
    }

    public DetectorConfig withFullScale(double newtons) {
        return new DetectorConfig(holdTargetS, smoothS, settleS, bandPct, tremorPct, wobbleS, wobblePct, movePct, breakConfirmS, moveCheckS,
                minStretchS, minAmplitudeN, onsetNoiseFactor, releaseFraction, releaseSettleS, restWindowS,
                maxGapS, maxContractionS, newtons, firstRepMinN, firstRepRestPct, repFloorPct, plateauPct, plateauRestS, candidateS);
    }

    /**
     * The smallest first rep, as a plan's target force (or a weak athlete's) sets it: it replaces the
     * default floor, both in newtons and as a share of the rest tension (at least {@code minAmplitudeN}).
     */
    public DetectorConfig withFirstRepMin(double newtons) {
        return new DetectorConfig(holdTargetS, smoothS, settleS, bandPct, tremorPct, wobbleS, wobblePct, movePct, breakConfirmS, moveCheckS,
                minStretchS, minAmplitudeN, onsetNoiseFactor, releaseFraction, releaseSettleS, restWindowS,
                maxGapS, maxContractionS, fullScaleN, Math.max(minAmplitudeN, newtons), 0, repFloorPct, plateauPct, plateauRestS, candidateS);
    }
}
