package org.isoband.core.detect;

/**
 * One finished contraction, as the detector judged it.
 *
 * @param rep            1-based number of the rep since the detector started
 * @param startNanos     ramp-up began (sample clock)
 * @param endNanos       release ended, or the last sample before the link was lost
 * @param steadyStartNanos where the longest steady stretch began ({@code startNanos} when there was none)
 * @param steadySeconds  longest uninterrupted steady stretch, as the athlete held it
 * @param verdict        HELD, SHORT, MOVED, UNSTEADY, or INTERRUPTED
 * @param meanN          mean tension over the longest steady stretch (over the contraction if none)
 * @param peakN          highest tension of the contraction
 * @param cvPct          coefficient of variation of the tension over that same stretch, % of its mean
 * @param driftPct       change of level from the first to the last second of the stretch, % of amplitude
 * @param restN          rest tension just before the rep, which the rep is measured against
 * @param amplitudeN     mean level above the rest tension
 * @param droppedSamples bad samples (NaN, out of order, saturated) dropped while the rep lasted
 * @param truncated      the recording (or the session) started or ended inside this rep: it was not seen
 *                       whole, so it is INTERRUPTED and its figures are of what was seen
 */
public record RepEvent(
        int rep,
        long startNanos,
        long endNanos,
        long steadyStartNanos,
        double steadySeconds,
        Verdict verdict,
        double meanN,
        double peakN,
        double cvPct,
        double driftPct,
        double restN,
        double amplitudeN,
        long droppedSamples,
        boolean truncated) {

    /** A rep seen whole. */
    public RepEvent(int rep, long startNanos, long endNanos, long steadyStartNanos, double steadySeconds,
                    Verdict verdict, double meanN, double peakN, double cvPct, double driftPct, double restN,
                    double amplitudeN, long droppedSamples) {
        this(rep, startNanos, endNanos, steadyStartNanos, steadySeconds, verdict, meanN, peakN, cvPct, driftPct,
                restN, amplitudeN, droppedSamples, false);
    }

    public double startSeconds() {
        return startNanos / 1e9;
    }

    public double endSeconds() {
        return endNanos / 1e9;
    }

    public double durationSeconds() {
        return (endNanos - startNanos) / 1e9;
    }
}
