package org.isoband.device.gpio;

/** Told about each debounced press of a {@link Button}, on the thread that watches the pin. Must return quickly. */
@FunctionalInterface
public interface ButtonListener {

    /** The button went down at {@code tNanos} (the {@link GpioClock}'s time of the first edge). */
    void pressed(long tNanos);
}
