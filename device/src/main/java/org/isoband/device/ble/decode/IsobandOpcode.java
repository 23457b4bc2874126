package org.isoband.device.ble.decode;

import java.util.Optional;

/** Commands of the isoband Control Point; a response carries its command's code with bit 0x80 set. */
public enum IsobandOpcode {
    START(0x01),
    STOP(0x02),
    TARE(0x03),
    SET_RATE(0x04),
    CALIBRATE(0x05),
    GET_STATUS(0x06);

    private final int code;

    IsobandOpcode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<IsobandOpcode> of(int code) {
        for (IsobandOpcode opcode : values()) {
            if (opcode.code == code) {
                return Optional.of(opcode);
            }
        }
        return Optional.empty();
    }
}
