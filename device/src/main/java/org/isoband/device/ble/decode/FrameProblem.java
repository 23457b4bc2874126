package org.isoband.device.ble.decode;

import java.util.Locale;

/**
 * What is wrong with a frame. The offset rules are shared with the C codec (firmware-notes/codec) and written into
 * the test vectors as {@link #vectorName()}.
 */
public enum FrameProblem {
    /** The bytes end before the fixed part does; the offset is the input length, the first missing byte. */
    TOO_SHORT,
    /** A version this gateway does not read; the offset is the version byte's. */
    UNSUPPORTED_VERSION,
    /** An opcode or response code the format does not define; the offset is the code byte's. */
    UNKNOWN_CODE,
    /**
     * The length disagrees with the bytes present; the offset is that of the field declaring the length, or, for
     * fixed-size values, of the first byte past the expected end.
     */
    LENGTH_MISMATCH,
    /** A field holds a value outside its range; the offset is the field's. */
    BAD_VALUE;

    /** The name the vector files use, such as {@code length_mismatch}. */
    public String vectorName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String describe() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
