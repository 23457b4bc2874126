package org.isoband.device.ble.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Force Data notifications of the PitchSix Force Board (firmware-notes/commercial-gauges.md): a big-endian uint16
 * sample count, then that many 3-byte samples in pounds(-force), each read as {@code b0 x 32768 + b1 x 256 + b2},
 * the way Grip Connect's client reads them (PitchSix's own API document was not read here). No time and no
 * sequence: the caller stamps the notification on arrival. Samples the count announces but the notification does
 * not hold are not read (the client skips them too); bytes after the last whole sample are ignored.
 */
public final class ForceBoardFrameDecoder implements ForceFrameDecoder {

    /** The service holding Force Data. */
    public static final UUID SERVICE = UUID.fromString("9a88d67f-8df2-4afe-9e0d-c2bbbe773dd0");
    public static final UUID FORCE_DATA = UUID.fromString("9a88d682-8df2-4afe-9e0d-c2bbbe773dd0");
    /** The service holding Device Mode, where the commands are written. */
    public static final UUID WEIGHT_SERVICE = UUID.fromString("467a8516-6e39-11eb-9439-0242ac130002");
    public static final UUID DEVICE_MODE = UUID.fromString("467a8517-6e39-11eb-9439-0242ac130002");
    /** Device Mode values: stream continuously, and idle. */
    public static final byte MODE_STREAMING = 0x04;
    public static final byte MODE_IDLE = 0x07;

    static final String FORMAT = "Force Board force data";
    private static final int HEADER_SIZE = 2;
    private static final int SAMPLE_SIZE = 3;
    /** Newtons per pound-force: 0.45359237 kg x 9.80665 m/s^2 (both exact). */
    static final double NEWTONS_PER_POUND = 0.45359237 * ForceReading.STANDARD_GRAVITY;

    @Override
    public DecodedFrame decode(byte[] bytes) throws MalformedFrameException {
        if (bytes.length < HEADER_SIZE) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                    "the sample count is 2 bytes, got " + bytes.length);
        }
        int count = (Byte.toUnsignedInt(bytes[0]) << 8) | Byte.toUnsignedInt(bytes[1]);
        int present = Math.min(count, (bytes.length - HEADER_SIZE) / SAMPLE_SIZE);
        if (count > 0 && present == 0) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                    count + " samples announced, not one whole sample follows");
        }
        List<ForceReading> readings = new ArrayList<>(present);
        for (int i = 0; i < present; i++) {
            int at = HEADER_SIZE + SAMPLE_SIZE * i;
            int pounds = Byte.toUnsignedInt(bytes[at]) * 32768 + Byte.toUnsignedInt(bytes[at + 1]) * 256
                    + Byte.toUnsignedInt(bytes[at + 2]);
            readings.add(ForceReading.untimed(pounds * NEWTONS_PER_POUND));
        }
        return DecodedFrame.of(readings);
    }
}
