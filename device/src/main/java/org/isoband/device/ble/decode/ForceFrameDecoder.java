package org.isoband.device.ble.decode;

import java.util.OptionalInt;

/**
 * Turns the value of one BLE notification, or one advertisement's payload, into force readings. Implementations
 * are stateless and thread-safe; the same bytes always give the same frame.
 */
public interface ForceFrameDecoder {

    /**
     * @param bytes the characteristic value or manufacturer data exactly as received; never modified
     * @return the readings it carries, possibly none (a command response, "value not known")
     * @throws MalformedFrameException if the bytes do not follow the device's format
     */
    DecodedFrame decode(byte[] bytes) throws MalformedFrameException;

    /**
     * The battery voltage in millivolts, if these bytes are the device's answer to its battery request (see
     * {@code LinkPlan.Control#batteryRequest}); empty for everything else and for devices without one.
     */
    default OptionalInt batteryMillivolts(byte[] bytes) {
        return OptionalInt.empty();
    }
}
