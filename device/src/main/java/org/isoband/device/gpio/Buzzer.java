package org.isoband.device.gpio;

/**
 * An active buzzer (it sounds its own tone while powered): the gateway sounds it for the cues of a hold, and
 * times the beeps itself.
 */
public interface Buzzer extends AutoCloseable {

    void on();

    void off();

    boolean isOn();

    /** Silences it and frees the pin. */
    @Override
    void close();
}
