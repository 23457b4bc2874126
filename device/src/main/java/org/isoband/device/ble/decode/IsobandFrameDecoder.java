package org.isoband.device.ble.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Notifications of the isoband band's Force Stream characteristic (firmware-notes/gatt-profile.md): a 5-byte
 * header (version, flags, uint16 sequence, sample count) and 1 to 16 samples of int32 millinewtons and uint32
 * sensor microseconds, all little-endian.
 */
public final class IsobandFrameDecoder implements ForceFrameDecoder {

    public static final UUID SERVICE = UUID.fromString("4e490001-ce49-46b1-af24-819553dcb9fe");
    public static final UUID FORCE_STREAM = UUID.fromString("4e490002-ce49-46b1-af24-819553dcb9fe");
    public static final UUID CONTROL_POINT = UUID.fromString("4e490003-ce49-46b1-af24-819553dcb9fe");

    /** The protocol version this decoder reads. */
    public static final int PROTOCOL_VERSION = 1;
    public static final int MAX_SAMPLES = 16;

    static final String FORMAT = "isoband stream";
    private static final int HEADER_SIZE = 5;
    private static final int SAMPLE_SIZE = 8;
    private static final int COUNT_OFFSET = 4;
    private static final int FLAG_STREAM_START = 0x01;
    private static final int FLAG_SATURATED = 0x02;
    private static final double MILLINEWTONS_PER_NEWTON = 1000.0;

    @Override
    public DecodedFrame decode(byte[] bytes) throws MalformedFrameException {
        // The version comes first: another version may have another header, so no other rule applies to it.
        if (bytes.length < 1) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, 0, "no bytes");
        }
        int version = Byte.toUnsignedInt(bytes[0]);
        if (version != PROTOCOL_VERSION) {
            throw new MalformedFrameException(FORMAT, FrameProblem.UNSUPPORTED_VERSION, 0,
                    "protocol version " + version + ", this gateway reads version " + PROTOCOL_VERSION);
        }
        if (bytes.length < HEADER_SIZE) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                    "the header needs " + HEADER_SIZE + " bytes, got " + bytes.length);
        }
        int count = Byte.toUnsignedInt(bytes[COUNT_OFFSET]);
        if (count == 0 || count > MAX_SAMPLES) {
            throw new MalformedFrameException(FORMAT, FrameProblem.BAD_VALUE, COUNT_OFFSET,
                    "sample count " + count + ", must be 1 to " + MAX_SAMPLES);
        }
        int expected = HEADER_SIZE + SAMPLE_SIZE * count;
        if (bytes.length != expected) {
            throw new MalformedFrameException(FORMAT, FrameProblem.LENGTH_MISMATCH, COUNT_OFFSET,
                    count + " samples need " + expected + " bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<ForceReading> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = HEADER_SIZE + SAMPLE_SIZE * i;
            readings.add(ForceReading.timed(buffer.getInt(at) / MILLINEWTONS_PER_NEWTON,
                    Integer.toUnsignedLong(buffer.getInt(at + 4))));
        }
        int sequence = Short.toUnsignedInt(buffer.getShort(2));
        return new DecodedFrame(OptionalInt.of(sequence), flags(bytes[1]), readings);
    }

    /**
     * How many notifications were lost between two received ones, from their uint16 sequence numbers (which wrap
     * 65535 to 0). Only meaningful within one stream: after a frame flagged {@link FrameFlag#SEQUENCE_RESTARTED}
     * there is no gap to count. A gap of 65536 frames or more (over 50 minutes at 20 frames/s) aliases; the
     * sensor clock tells such gaps apart.
     */
    public static int framesLost(int previousSequence, int sequence) {
        return ((sequence - previousSequence - 1) & 0xFFFF);
    }

    // Reserved bits are ignored: a later firmware may set them without breaking this gateway.
    private static Set<FrameFlag> flags(byte value) {
        Set<FrameFlag> flags = EnumSet.noneOf(FrameFlag.class);
        if ((value & FLAG_STREAM_START) != 0) {
            flags.add(FrameFlag.SEQUENCE_RESTARTED);
        }
        if ((value & FLAG_SATURATED) != 0) {
            flags.add(FrameFlag.SATURATED);
        }
        return flags;
    }
}
