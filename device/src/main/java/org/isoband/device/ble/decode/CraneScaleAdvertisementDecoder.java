package org.isoband.device.ble.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Advertisements of the WH-C06 crane scale (firmware-notes/commercial-gauges.md), which never connects: its
 * weight sits in the manufacturer-specific data of company {@link #COMPANY_ID}, at bytes 10-11 of the payload
 * that follows the company identifier, big-endian, in 0.01 kg(-force). The input is that payload, as BlueZ's
 * {@code ManufacturerData} property presents it (keyed by company, identifier stripped); filtering on the
 * company is the scanner's job. The weight is read as signed, so that a tared scale can go slightly negative.
 * No time and no sequence: the caller stamps each advertisement on arrival, and repeated advertisements of an
 * unchanged weight are indistinguishable from new ones.
 */
public final class CraneScaleAdvertisementDecoder implements ForceFrameDecoder {

    /** Bluetooth company identifier the scale advertises under (assigned to another company; the scale reuses it). */
    public static final int COMPANY_ID = 0x0100;

    static final String FORMAT = "WH-C06 manufacturer data";
    private static final int WEIGHT_OFFSET = 10;
    private static final double UNITS_PER_KILOGRAM = 100.0;

    @Override
    public DecodedFrame decode(byte[] bytes) throws MalformedFrameException {
        if (bytes.length < WEIGHT_OFFSET + 2) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                    "the weight is at bytes " + WEIGHT_OFFSET + "-" + (WEIGHT_OFFSET + 1) + ", got " + bytes.length
                            + " bytes");
        }
        short centikilograms = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).getShort(WEIGHT_OFFSET);
        double kilograms = centikilograms / UNITS_PER_KILOGRAM;
        return DecodedFrame.of(List.of(ForceReading.untimed(ForceReading.newtonsFromKilogramsForce(kilograms))));
    }
}
