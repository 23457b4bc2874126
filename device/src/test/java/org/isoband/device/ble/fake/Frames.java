package org.isoband.device.ble.fake;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Bytes of the sensors' notifications, built as firmware-notes describes them, for the tests to send. */
public final class Frames {
    private Frames() {
    }

    /**
     * An isoband Force Stream frame.
     *
     * @param restart     flag STREAM_START (the first frame after START)
     * @param millinewtons one force per sample
     * @param micros       one sensor time per sample
     */
    public static byte[] isoband(boolean restart, int sequence, int[] millinewtons, long[] micros) {
        ByteBuffer b = ByteBuffer.allocate(5 + 8 * millinewtons.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) (restart ? 1 : 0)).putShort((short) sequence).put((byte) millinewtons.length);
        for (int i = 0; i < millinewtons.length; i++) {
            b.putInt(millinewtons[i]).putInt((int) micros[i]);
        }
        return b.array();
    }

    /** Four samples at 80 Hz from {@code firstMicros}, all of {@code millinewtons}. */
    public static byte[] isoband80Hz(boolean restart, int sequence, int millinewtons, long firstMicros) {
        int[] forces = new int[4];
        long[] times = new long[4];
        for (int i = 0; i < 4; i++) {
            forces[i] = millinewtons;
            times[i] = firstMicros + 12_500L * i;
        }
        return isoband(restart, sequence, forces, times);
    }

    /** A Progressor weight measurement: pairs of float32 kg and uint32 us. */
    public static byte[] progressor(float[] kilograms, long[] micros) {
        ByteBuffer b = ByteBuffer.allocate(2 + 8 * kilograms.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) (8 * kilograms.length));
        for (int i = 0; i < kilograms.length; i++) {
            b.putFloat(kilograms[i]).putInt((int) micros[i]);
        }
        return b.array();
    }

    /** WH-C06 manufacturer data (identifier stripped): 12 bytes, weight big-endian in 0.01 kg at 10-11. */
    public static byte[] craneScale(double kilograms) {
        byte[] b = new byte[12];
        short centi = (short) Math.round(kilograms * 100);
        b[10] = (byte) (centi >> 8);
        b[11] = (byte) centi;
        return b;
    }
}
