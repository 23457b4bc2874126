package org.isoband.device.ble.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The bytes of the isoband Control Point (firmware-notes/gatt-profile.md). A command is [opcode][token][parameters],
 * written with a response; the band indicates [opcode | 0x80][token][status][payload], where a payload follows only
 * a successful SET_RATE (uint16 rate) or GET_STATUS (version, state flags, uint16 rate). Little-endian throughout.
 */
public final class IsobandControlPoint {

    static final String FORMAT = "isoband response";
    private static final int RESPONSE_BIT = 0x80;
    private static final int RESPONSE_HEADER_SIZE = 3;
    private static final int STATUS_OFFSET = 2;
    private static final int STATE_STREAMING = 0x01;
    private static final int STATE_CALIBRATED = 0x02;

    private IsobandControlPoint() {
    }

    /**
     * @param token any value 0-255; the band echoes it, so the gateway can pair a response with its command
     */
    public static byte[] encode(IsobandCommand command, int token) {
        if (token < 0 || token > 0xFF) {
            throw new IllegalArgumentException("token must be 0 to 255, got " + token);
        }
        ByteBuffer out = ByteBuffer.allocate(2 + parameterSize(command)).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) command.opcode().code()).put((byte) token);
        if (command instanceof IsobandCommand.SetRate rate) {
            out.putShort((short) rate.hertz());
        } else if (command instanceof IsobandCommand.Calibrate calibrate) {
            out.putInt(calibrate.knownMillinewtons());
        }
        return out.array();
    }

    public static IsobandResponse decodeResponse(byte[] bytes) throws MalformedFrameException {
        if (bytes.length < 1) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, 0, "no bytes");
        }
        int code = Byte.toUnsignedInt(bytes[0]);
        Optional<IsobandOpcode> opcode = IsobandOpcode.of(code & ~RESPONSE_BIT);
        if ((code & RESPONSE_BIT) == 0 || opcode.isEmpty()) {
            throw new MalformedFrameException(FORMAT, FrameProblem.UNKNOWN_CODE, 0,
                    String.format("0x%02x is not the response to a known command", code));
        }
        if (bytes.length < RESPONSE_HEADER_SIZE) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                    "the header needs " + RESPONSE_HEADER_SIZE + " bytes, got " + bytes.length);
        }
        int statusCode = Byte.toUnsignedInt(bytes[STATUS_OFFSET]);
        IsobandStatus status = IsobandStatus.of(statusCode).orElseThrow(() -> new MalformedFrameException(FORMAT,
                FrameProblem.BAD_VALUE, STATUS_OFFSET, "status " + statusCode + " is not defined"));
        int expected = RESPONSE_HEADER_SIZE + payloadSize(opcode.get(), status);
        if (bytes.length < expected) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                    opcode.get() + " " + status + " needs " + expected + " bytes, got " + bytes.length);
        }
        if (bytes.length > expected) {
            throw new MalformedFrameException(FORMAT, FrameProblem.LENGTH_MISMATCH, expected,
                    opcode.get() + " " + status + " is " + expected + " bytes, got " + bytes.length);
        }
        return response(opcode.get(), Byte.toUnsignedInt(bytes[1]), status, bytes);
    }

    private static IsobandResponse response(IsobandOpcode opcode, int token, IsobandStatus status, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        OptionalInt appliedRate = OptionalInt.empty();
        Optional<IsobandResponse.BandStatus> bandStatus = Optional.empty();
        if (status == IsobandStatus.OK && opcode == IsobandOpcode.SET_RATE) {
            appliedRate = OptionalInt.of(Short.toUnsignedInt(in.getShort(3)));
        } else if (status == IsobandStatus.OK && opcode == IsobandOpcode.GET_STATUS) {
            int state = Byte.toUnsignedInt(bytes[4]);
            bandStatus = Optional.of(new IsobandResponse.BandStatus(Byte.toUnsignedInt(bytes[3]),
                    (state & STATE_STREAMING) != 0, (state & STATE_CALIBRATED) != 0,
                    Short.toUnsignedInt(in.getShort(5))));
        }
        return new IsobandResponse(opcode, token, status, appliedRate, bandStatus);
    }

    private static int parameterSize(IsobandCommand command) {
        return switch (command.opcode()) {
            case SET_RATE -> 2;
            case CALIBRATE -> 4;
            default -> 0;
        };
    }

    private static int payloadSize(IsobandOpcode opcode, IsobandStatus status) {
        if (status != IsobandStatus.OK) {
            return 0;
        }
        return switch (opcode) {
            case SET_RATE -> 2;
            case GET_STATUS -> 4;
            default -> 0;
        };
    }
}
