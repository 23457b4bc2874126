package org.isoband.device.gpio;

/** An indicator light the gateway switches (for example: on while a hold is steady). */
public interface Led extends AutoCloseable {

    void on();

    void off();

    boolean isOn();

    default void set(boolean lit) {
        if (lit) {
            on();
        } else {
            off();
        }
    }

    /** Switches off and frees the pin. */
    @Override
    void close();
}
