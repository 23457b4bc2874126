package org.isoband.device.ble.decode;

import java.util.Optional;

/** How the band answered a command. */
public enum IsobandStatus {
    OK(0x00),
    /** The band does not know the opcode: an older firmware than the gateway. */
    UNKNOWN_OPCODE(0x01),
    BAD_LENGTH(0x02),
    /** A parameter out of range, such as a rate the band does not offer or a calibration load of zero. */
    BAD_VALUE(0x03),
    /** Not in this state, such as STOP while not streaming or CALIBRATE before TARE. */
    NOT_ALLOWED(0x04),
    /** The ADC gave no conversion in time. */
    SENSOR_ERROR(0x05);

    private final int code;

    IsobandStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<IsobandStatus> of(int code) {
        for (IsobandStatus status : values()) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
