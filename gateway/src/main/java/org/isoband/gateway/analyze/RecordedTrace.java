package org.isoband.gateway.analyze;

import java.util.Arrays;

/** A growable, in-memory copy of a recording's samples (seconds, newtons), kept for plotting. */
public final class RecordedTrace {
    private double[] t = new double[4096];
    private double[] f = new double[4096];
    private int size;

    public void add(double seconds, double newtons) {
        if (size == t.length) {
            t = Arrays.copyOf(t, size * 2);
            f = Arrays.copyOf(f, size * 2);
        }
        t[size] = seconds;
        f[size] = newtons;
        size++;
    }

    public int size() {
        return size;
    }

    public double seconds(int i) {
        return t[i];
    }

    public double newtons(int i) {
        return f[i];
    }
}
