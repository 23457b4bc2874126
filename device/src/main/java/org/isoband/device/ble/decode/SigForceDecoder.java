package org.isoband.device.ble.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.UUID;

/**
 * The Bluetooth SIG Force characteristic (0x2C07): one sint32, little-endian, in units of 0.001 N; 0x7FFFFFFF
 * means "value is not known" and gives a frame without readings. It carries no time: the caller stamps it.
 */
public final class SigForceDecoder implements ForceFrameDecoder {

    public static final UUID FORCE = UUID.fromString("00002c07-0000-1000-8000-00805f9b34fb");

    static final String FORMAT = "SIG force";
    private static final int SIZE = 4;
    private static final int NOT_KNOWN = 0x7FFFFFFF;
    private static final double MILLINEWTONS_PER_NEWTON = 1000.0;

    @Override
    public DecodedFrame decode(byte[] bytes) throws MalformedFrameException {
        if (bytes.length < SIZE) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                    "a sint32 needs " + SIZE + " bytes, got " + bytes.length);
        }
        if (bytes.length > SIZE) {
            throw new MalformedFrameException(FORMAT, FrameProblem.LENGTH_MISMATCH, SIZE,
                    "the value is " + SIZE + " bytes, got " + bytes.length);
        }
        int millinewtons = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (millinewtons == NOT_KNOWN) {
            return DecodedFrame.empty();
        }
        return DecodedFrame.of(List.of(ForceReading.untimed(millinewtons / MILLINEWTONS_PER_NEWTON)));
    }
}
