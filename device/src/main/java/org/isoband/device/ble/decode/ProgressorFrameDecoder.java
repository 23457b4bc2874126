package org.isoband.device.ble.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Data point notifications of the Tindeq Progressor (firmware-notes/commercial-gauges.md): [response code]
 * [payload length][payload], little-endian. Weight measurements (code 1) carry pairs of float32 kilograms(-force)
 * and uint32 microseconds since the measurement started. Command responses (0), the two rate-of-force-development
 * codes (2, 3; never requested by the gateway, their payload is not publicly documented as text) and the low
 * battery warning (4) carry no force readings.
 */
public final class ProgressorFrameDecoder implements ForceFrameDecoder {

    public static final UUID SERVICE = UUID.fromString("7e4e1701-1ea6-40c9-9dcc-13d34ffead57");
    public static final UUID DATA_POINT = UUID.fromString("7e4e1702-1ea6-40c9-9dcc-13d34ffead57");
    public static final UUID CONTROL_POINT = UUID.fromString("7e4e1703-1ea6-40c9-9dcc-13d34ffead57");

    static final String FORMAT = "Progressor data point";
    private static final int CODE_WEIGHT_MEASUREMENT = 1;
    private static final int LAST_KNOWN_CODE = 4;
    private static final int HEADER_SIZE = 2;
    private static final int SAMPLE_SIZE = 8;

    @Override
    public DecodedFrame decode(byte[] bytes) throws MalformedFrameException {
        if (bytes.length < 1) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, 0, "no bytes");
        }
        int code = Byte.toUnsignedInt(bytes[0]);
        if (code > LAST_KNOWN_CODE) {
            throw new MalformedFrameException(FORMAT, FrameProblem.UNKNOWN_CODE, 0,
                    "response code " + code + " is not in the published API (0 to " + LAST_KNOWN_CODE + ")");
        }
        if (bytes.length < HEADER_SIZE) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                    "the length byte is missing");
        }
        int length = Byte.toUnsignedInt(bytes[1]);
        if (bytes.length - HEADER_SIZE != length) {
            throw new MalformedFrameException(FORMAT, FrameProblem.LENGTH_MISMATCH, 1,
                    "length byte says " + length + " payload bytes, got " + (bytes.length - HEADER_SIZE));
        }
        if (code != CODE_WEIGHT_MEASUREMENT) {
            return DecodedFrame.empty();
        }
        return DecodedFrame.of(weights(bytes, length));
    }

    private static List<ForceReading> weights(byte[] bytes, int length) throws MalformedFrameException {
        if (length == 0 || length % SAMPLE_SIZE != 0) {
            throw new MalformedFrameException(FORMAT, FrameProblem.BAD_VALUE, 1,
                    "a weight payload is a whole, non-zero number of " + SAMPLE_SIZE + "-byte samples, got "
                            + length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<ForceReading> readings = new ArrayList<>(length / SAMPLE_SIZE);
        for (int at = HEADER_SIZE; at < bytes.length; at += SAMPLE_SIZE) {
            float kilograms = buffer.getFloat(at);
            if (!Float.isFinite(kilograms)) {
                throw new MalformedFrameException(FORMAT, FrameProblem.BAD_VALUE, at,
                        "weight is " + kilograms + ", not a finite number");
            }
            readings.add(ForceReading.timed(ForceReading.newtonsFromKilogramsForce(kilograms),
                    Integer.toUnsignedLong(buffer.getInt(at + 4))));
        }
        return readings;
    }
}
