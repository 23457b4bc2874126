package org.isoband.gateway.input;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The two shapes of {@code struct input_event}: a {@code struct timeval} of two C longs, then u16 type, u16
 * code and s32 value, in the machine's byte order (little endian on every Pi). Which one the kernel writes
 * depends on the reading process: a 64-bit JVM reads 24-byte records, a 32-bit JVM (32-bit Raspberry Pi OS,
 * even on a 64-bit kernel) reads 16-byte ones.
 */
public enum InputEventLayout {
    /** 64-bit userland: 8-byte seconds and microseconds. */
    LP64(24),
    /** 32-bit userland: 4-byte seconds and microseconds. */
    ILP32(16);

    private final int bytes;

    InputEventLayout(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** The layout this JVM reads (its data model, not the kernel's). */
    public static InputEventLayout ofThisJvm() {
        return "32".equals(System.getProperty("sun.arch.data.model")) ? ILP32 : LP64;
    }

    /** By its size in bytes, as the configuration names it. */
    public static InputEventLayout ofSize(int bytes) {
        for (InputEventLayout l : values()) {
            if (l.bytes == bytes) {
                return l;
            }
        }
        throw new IllegalArgumentException("an input event is 16 or 24 bytes, not " + bytes);
    }

    /** Decodes the record at {@code offset}; stateless. */
    public InputEvent decode(byte[] data, int offset) {
        if (offset < 0 || offset + bytes > data.length) {
            throw new InputEventException("an input event needs " + bytes + " bytes, " + Math.max(0, data.length - offset)
                    + " left", offset);
        }
        ByteBuffer b = ByteBuffer.wrap(data, offset, bytes).order(ByteOrder.LITTLE_ENDIAN);
        long sec = this == LP64 ? b.getLong() : Integer.toUnsignedLong(b.getInt());
        long usec = this == LP64 ? b.getLong() : Integer.toUnsignedLong(b.getInt());
        int type = Short.toUnsignedInt(b.getShort());
        int code = Short.toUnsignedInt(b.getShort());
        int value = b.getInt();
        if (usec >= 1_000_000) {
            throw new InputEventException("microseconds " + usec + " out of range: is this the "
                    + (this == LP64 ? "16" : "24") + "-byte layout?", offset);
        }
        return new InputEvent(sec, usec, type, code, value);
    }

    /** Encodes an event (for tests and the recorded test files). */
    public byte[] encode(InputEvent e) {
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (this == LP64) {
            b.putLong(e.seconds()).putLong(e.microseconds());
        } else {
            b.putInt((int) e.seconds()).putInt((int) e.microseconds());
        }
        return b.putShort((short) e.type()).putShort((short) e.code()).putInt(e.value()).array();
    }
}
