package org.isoband.core.detect;

/**
 * What a rep reports of the tension it held: the mean and the coefficient of variation of the raw samples
 * of its steady stretch (or of its upper half when it never held still), and the drift over the stretch.
 *
 * @param meanN the mean tension
 * @param cvPct the sample standard deviation as a percentage of the mean
 */
record HeldFigures(double meanN, double cvPct) {

    /** The raw samples of {@code [from, to]} at or above {@code threshold}; {@code fallbackN} if there are none. */
    static HeldFigures over(SampleBuffer buffer, long from, long to, double threshold, double fallbackN) {
        long end = Math.min(to + 1, buffer.end());
        double sum = 0;
        long n = 0;
        for (long q = from; q < end; q++) {
            if (buffer.x(q) >= threshold) {
                sum += buffer.x(q);
                n++;
            }
        }
        double mean = n > 0 ? sum / n : fallbackN;
        double squares = 0;
        for (long q = from; q < end; q++) {
            if (buffer.x(q) >= threshold) {
                double d = buffer.x(q) - mean;
                squares += d * d;
            }
        }
        double cv = n > 1 && mean != 0 ? 100 * Math.sqrt(squares / (n - 1)) / Math.abs(mean) : 0;
        return new HeldFigures(mean, cv);
    }

    /** The level of the last second of {@code [from, to]} (seconds) minus that of its first second. */
    static double drift(SampleBuffer buffer, double from, double to) {
        double window = Math.min(1.0, (to - from) / 2);
        double head = buffer.meanX(buffer.seqAtOrAfter(from), buffer.seqAtOrAfter(from + window));
        double tail = buffer.meanX(buffer.seqAtOrAfter(to - window), buffer.seqAtOrAfter(to));
        return Double.isNaN(head) || Double.isNaN(tail) ? 0 : tail - head;
    }
}
