package org.isoband.device.ble.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Notifications of the CTS500 gauge (firmware-notes/commercial-gauges.md), a serial link over BLE: one or more
 * frames, each starting with {@link #HEADER} and ending with a checksum, the sum of the bytes before it modulo 256.
 * A command's echo is 6 bytes ({@code 05 opcode p1 p2 p3 sum}); a weight is 7 bytes ({@code 05 x w3 w2 w1 w0 sum},
 * a big-endian unsigned weight in 0.01 kg, x neither 0x80 nor a command opcode); an answer to a query is 7 bytes
 * with 0x80 in byte 1 and the opcode in byte 2. Echoes and answers carry no force; the battery's answer is read
 * by {@link #batteryMillivolts}. A notification is expected to
 * hold whole frames (it does on the fake; whether the real bridge ever splits one is not known here).
 */
public final class Cts500FrameDecoder implements ForceFrameDecoder {

    public static final UUID SERVICE = UUID.fromString("0000ffe0-0000-1000-8000-00805f9b34fb");
    public static final UUID NOTIFY = UUID.fromString("0000ffe1-0000-1000-8000-00805f9b34fb");
    public static final UUID WRITE = UUID.fromString("0000ffe2-0000-1000-8000-00805f9b34fb");
    public static final int HEADER = 0x05;
    /** Turn automatic weight upload on, and off. */
    public static final int OPCODE_START = 0xAA;
    public static final int OPCODE_STOP = 0xAB;
    /** Ask the battery's voltage: answered {@code 05 80 c4 00 v1 v0 sum}, volts x 100 in bytes 4-5 (Grip Connect). */
    public static final int OPCODE_BATTERY = 0xC4;

    static final String FORMAT = "CTS500 frame";
    private static final int ANSWER = 0x80;
    private static final int ECHO_SIZE = 6;
    private static final int DATA_SIZE = 7;
    /** The opcodes Grip Connect lists; an echo of one is 6 bytes, which tells it from a 7-byte weight. */
    private static final Set<Integer> OPCODES = Set.of(0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0xA1, 0xA2, 0xA4, 0xA6,
            0xA7, 0xA9, 0xAA, 0xAB, 0xC0, 0xC1, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xCA, 0xD1, 0xD2, 0xD3, 0xD4);

    /** A command without parameters: {@code 05 opcode 00 00 00 sum}. */
    public static byte[] command(int opcode) {
        byte[] b = {(byte) HEADER, (byte) opcode, 0, 0, 0, 0};
        b[5] = checksum(b, 0, 5);
        return b;
    }

    @Override
    public DecodedFrame decode(byte[] bytes) throws MalformedFrameException {
        if (bytes.length == 0) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, 0, "no bytes");
        }
        List<ForceReading> readings = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            if (Byte.toUnsignedInt(bytes[at]) != HEADER) {
                throw new MalformedFrameException(FORMAT, FrameProblem.UNKNOWN_CODE, at,
                        String.format("a frame starts with 0x05, got 0x%02x", bytes[at]));
            }
            if (bytes.length - at < ECHO_SIZE) {
                throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                        "a frame is 6 or 7 bytes, " + (bytes.length - at) + " left");
            }
            int second = Byte.toUnsignedInt(bytes[at + 1]);
            if (OPCODES.contains(second) && checksum(bytes, at, ECHO_SIZE - 1) == bytes[at + ECHO_SIZE - 1]) {
                at += ECHO_SIZE;
                continue;
            }
            if (bytes.length - at < DATA_SIZE) {
                throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                        "a weight frame is 7 bytes, " + (bytes.length - at) + " left");
            }
            if (checksum(bytes, at, DATA_SIZE - 1) != bytes[at + DATA_SIZE - 1]) {
                throw new MalformedFrameException(FORMAT, FrameProblem.BAD_VALUE, at + DATA_SIZE - 1,
                        String.format("checksum is 0x%02x, the bytes before it sum to 0x%02x",
                                bytes[at + DATA_SIZE - 1], checksum(bytes, at, DATA_SIZE - 1)));
            }
            if (second != ANSWER) {
                long hundredths = 0;
                for (int i = 2; i <= 5; i++) {
                    hundredths = hundredths << 8 | Byte.toUnsignedInt(bytes[at + i]);
                }
                readings.add(ForceReading.untimed(ForceReading.newtonsFromKilogramsForce(hundredths / 100.0)));
            }
            at += DATA_SIZE;
        }
        return DecodedFrame.of(readings);
    }

    /**
     * The battery voltage an answer to {@link #OPCODE_BATTERY} in these bytes carries, if one is there: a 7-byte
     * frame with 0x80 and the opcode in bytes 1-2, a valid checksum, and volts x 100 big-endian in bytes 4-5. Unlike
     * the Progressor's, the answer names the query it answers, so it cannot be taken for anything else; other
     * frames in the notification are skipped over by their size.
     */
    @Override
    public OptionalInt batteryMillivolts(byte[] bytes) {
        int at = 0;
        while (at + ECHO_SIZE <= bytes.length && Byte.toUnsignedInt(bytes[at]) == HEADER) {
            int second = Byte.toUnsignedInt(bytes[at + 1]);
            if (OPCODES.contains(second) && checksum(bytes, at, ECHO_SIZE - 1) == bytes[at + ECHO_SIZE - 1]) {
                at += ECHO_SIZE;
                continue;
            }
            if (at + DATA_SIZE > bytes.length || checksum(bytes, at, DATA_SIZE - 1) != bytes[at + DATA_SIZE - 1]) {
                return OptionalInt.empty();
            }
            if (second == ANSWER && Byte.toUnsignedInt(bytes[at + 2]) == OPCODE_BATTERY) {
                int centivolts = Byte.toUnsignedInt(bytes[at + 4]) << 8 | Byte.toUnsignedInt(bytes[at + 5]);
                return OptionalInt.of(centivolts * 10);
            }
            at += DATA_SIZE;
        }
        return OptionalInt.empty();
    }

    private static byte checksum(byte[] bytes, int from, int count) {
        int sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += Byte.toUnsignedInt(bytes[i]);
        }
        return (byte) sum;
    }
}
