package org.isoband.device.ble;

import java.time.Duration;

/** Why a link to a sensor ended: a stop on request, silence, or the connection (or BlueZ) going away. */
sealed interface LinkEnd {

    /** {@link BleSource#stop}: the sensor is told to stop and is freed for other centrals. */
    record Stopped() implements LinkEnd {
    }

    /**
     * Nothing arrived for {@code after}: the connection may still stand as far as BlueZ knows (GATT), or the
     * scale went quiet (advertisements).
     */
    record Silent(Duration after) implements LinkEnd {
    }

    /** The connection dropped, BlueZ forgot the device, or bluetoothd left the bus; {@code why} says which. */
    record Dropped(String why) implements LinkEnd {
    }
}
