package org.isoband.device.gpio;

/** A push button the athlete uses to start, pause or skip; presses arrive debounced. */
public interface Button extends AutoCloseable {

    void addListener(ButtonListener listener);

    void removeListener(ButtonListener listener);

    /** Whether the contact is closed right now (raw, not debounced). */
    boolean isDown();

    /** Stops listening and frees the pin. */
    @Override
    void close();
}
