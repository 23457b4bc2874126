package org.isoband.device.ble;

import java.time.Duration;

/**
 * How long the BLE source waits for each step. The defaults suit real devices; tests shorten some.
 *
 * @param find             scanning for the device before saying it is not advertising (and scanning again)
 * @param preferRemembered with no device configured, how long to wait for the remembered one before taking any
 * @param connect          one Connect call (BlueZ's own page timeout is shorter; this only bounds a hung call)
 * @param connectRetries   extra Connect attempts after {@code le-connection-abort-by-local}, without backoff
 * @param servicesResolved from connected to ServicesResolved (first connections discover the GATT database)
 * @param silence          a connected sensor that sends nothing for this long is treated as lost (the band sends
 *                         20 notifications a second; BlueZ's supervision timeout usually notices first)
 * @param advertSilence    the crane scale: no advertisement for this long means the link is lost
 * @param backoffInitial   first wait before reconnecting
 * @param backoffMax       longest wait between reconnection attempts
 */
public record BleTimings(Duration find, Duration preferRemembered, Duration connect, int connectRetries,
        Duration servicesResolved, Duration silence, Duration advertSilence, Duration backoffInitial,
        Duration backoffMax) {

    public static final BleTimings DEFAULTS = new BleTimings(Duration.ofSeconds(10), Duration.ofSeconds(3),
            Duration.ofSeconds(30), 2, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofMillis(500), Duration.ofSeconds(30));
}
