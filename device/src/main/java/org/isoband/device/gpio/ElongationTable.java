package org.isoband.device.gpio;

import java.util.Arrays;

/**
 * A stretch sensor's calibration: raw ADC codes against the band's elongation in millimetres beyond its
 * slack length, measured at a few points; in between it interpolates linearly. Beyond the first and last
 * points it extends the end segments rather than clamping, because a clamped value would look like a
 * perfectly steady hold to the detector.
 *
 * @param raw codes in strictly increasing order, at least two
 * @param mm  the elongation at each code (monotonic, either direction: a divider can fall with stretch)
 */
public record ElongationTable(double[] raw, double[] mm) {

    public ElongationTable {
        if (raw == null || mm == null || raw.length != mm.length || raw.length < 2) {
            throw new IllegalArgumentException("an elongation table needs at least two (raw, mm) points of equal count");
        }
        raw = raw.clone();
        mm = mm.clone();
        for (int i = 1; i < raw.length; i++) {
            if (!(raw[i] > raw[i - 1])) {
                throw new IllegalArgumentException("elongation table raw codes must increase strictly: "
                        + raw[i - 1] + " then " + raw[i]);
            }
        }
        boolean rising = mm[mm.length - 1] >= mm[0];
        for (int i = 1; i < mm.length; i++) {
            if (!Double.isFinite(mm[i]) || (rising ? mm[i] < mm[i - 1] : mm[i] > mm[i - 1])) {
                throw new IllegalArgumentException("elongation table millimetres must be finite and monotonic: "
                        + Arrays.toString(mm));
            }
        }
    }

    /** Elongation in millimetres for a raw code. */
    public double elongationMm(double code) {
        int i = Arrays.binarySearch(raw, code);
        if (i >= 0) {
            return mm[i];
        }
        int hi = Math.min(Math.max(-i - 1, 1), raw.length - 1); // segment [hi-1, hi], ends extended
        int lo = hi - 1;
        return mm[lo] + (code - raw[lo]) * (mm[hi] - mm[lo]) / (raw[hi] - raw[lo]);
    }

    @Override
    public double[] raw() {
        return raw.clone();
    }

    @Override
    public double[] mm() {
        return mm.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElongationTable t && Arrays.equals(raw, t.raw) && Arrays.equals(mm, t.mm);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(raw) + Arrays.hashCode(mm);
    }

    @Override
    public String toString() {
        return "ElongationTable" + Arrays.toString(raw) + " -> " + Arrays.toString(mm) + " mm";
    }
}
