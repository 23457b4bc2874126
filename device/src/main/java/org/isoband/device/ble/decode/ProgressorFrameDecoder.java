package org.isoband.device.ble.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Data point notifications of the Tindeq Progressor (firmware-notes/commercial-gauges.md): [response code]
 * [payload length][payload], little-endian. Weight measurements (code 1) carry pairs of float32 kilograms(-force)
 * and uint32 microseconds since the measurement started. Command responses (0), the two rate-of-force-development
 * codes (2, 3; never requested by the gateway, their payload is not publicly documented as text) and the low
 * battery warning (4) carry no force readings.
 *
 * <p>Read as tolerantly as the official client reads it, because compatible firmwares differ: the payload is the
 * bytes present, cut to the length byte when more follow (Crimpdeq's January 2025 releases notified their whole
 * 14-byte struct with length byte 8: the rest is padding), and a response code beyond the published ones (Crimpdeq
 * answers its own calibration command with 5) is an answer to someone else's command: no readings, not an error.
 */
public final class ProgressorFrameDecoder implements ForceFrameDecoder {

    public static final UUID SERVICE = UUID.fromString("7e4e1701-1ea6-40c9-9dcc-13d34ffead57");
    public static final UUID DATA_POINT = UUID.fromString("7e4e1702-1ea6-40c9-9dcc-13d34ffead57");
    public static final UUID CONTROL_POINT = UUID.fromString("7e4e1703-1ea6-40c9-9dcc-13d34ffead57");

    static final String FORMAT = "Progressor data point";
    /** Control point opcodes (the official client's names). */
    public static final byte START_WEIGHT_MEAS = 0x65;
    public static final byte STOP_WEIGHT_MEAS = 0x66;
    public static final byte GET_BATTERY_VOLTAGE = 0x6F;

    private static final int CODE_COMMAND_RESPONSE = 0;
    private static final int CODE_WEIGHT_MEASUREMENT = 1;
    private static final int MILLIVOLTS_SIZE = 4;
    private static final int HEADER_SIZE = 2;
    private static final int SAMPLE_SIZE = 8;

    @Override
    public DecodedFrame decode(byte[] bytes) throws MalformedFrameException {
        if (bytes.length < 1) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, 0, "no bytes");
        }
        int code = Byte.toUnsignedInt(bytes[0]);
        if (bytes.length < HEADER_SIZE) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                    "the length byte is missing");
        }
        if (code != CODE_WEIGHT_MEASUREMENT) {
            return DecodedFrame.empty();
        }
        return DecodedFrame.of(weights(bytes, payloadLength(bytes)));
    }

    /** The payload's length: the bytes present, but no more than the length byte says (the rest is padding). */
    private static int payloadLength(byte[] bytes) {
        return Math.min(Byte.toUnsignedInt(bytes[1]), bytes.length - HEADER_SIZE);
    }

    /**
     * The battery voltage a command response carries, if these bytes are one that can be: code 0 with a 4-byte
     * payload, uint32 millivolts. The frame does not say which command it answers, so the caller asks only right
     * after sending GET_BATTERY_VOLTAGE and before the stream starts.
     */
    @Override
    public OptionalInt batteryMillivolts(byte[] bytes) {
        if (bytes.length < HEADER_SIZE + MILLIVOLTS_SIZE || bytes[0] != CODE_COMMAND_RESPONSE
                || payloadLength(bytes) != MILLIVOLTS_SIZE) {
            return OptionalInt.empty();
        }
        long millivolts = Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(2));
        return millivolts <= 10_000 ? OptionalInt.of((int) millivolts) : OptionalInt.empty();
    }

    private static List<ForceReading> weights(byte[] bytes, int length) throws MalformedFrameException {
        if (length == 0 || length % SAMPLE_SIZE != 0) {
            throw new MalformedFrameException(FORMAT, FrameProblem.BAD_VALUE, 1,
                    "a weight payload is a whole, non-zero number of " + SAMPLE_SIZE + "-byte samples, got "
                            + length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<ForceReading> readings = new ArrayList<>(length / SAMPLE_SIZE);
        for (int at = HEADER_SIZE; at < HEADER_SIZE + length; at += SAMPLE_SIZE) {
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
