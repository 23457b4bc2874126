package org.isoband.device.ble.decode;

import java.util.List;

/**
 * Advertisements of the WH-C06 crane scale (firmware-notes/commercial-gauges.md), which never connects: its
 * weight sits in the manufacturer-specific data of company {@link #COMPANY_ID}, at bytes 10-11 of the payload
 * that follows the company identifier, big-endian, in 0.01 of the unit the scale displays. The input is that
 * payload, as BlueZ's {@code ManufacturerData} property presents it (keyed by company, identifier stripped);
 * filtering on the company is the scanner's job. No time and no sequence: the caller stamps each advertisement on
 * arrival, and repeated advertisements of an unchanged weight are indistinguishable from new ones.
 *
 * <p>The variants are told apart by length. A payload of 12 to 14 bytes (the layout Grip Connect and hangs-free
 * read) holds the weight only, in kilograms. From 15 bytes on (the 17-byte payload the Dyna app reads from a real
 * scale) bytes 9 and 14 are the display unit: 0x01, 0x01 for kilograms, 0xFF, 0x00 for pounds; a scale set to
 * pounds sends pounds x 100, so reading it as kilograms would be 2.2 times too high. Other flag values are taken as
 * kilograms, which every source assumes. The weight is unsigned, as every source but one reads it.
 */
public final class CraneScaleAdvertisementDecoder implements ForceFrameDecoder {

    /** Bluetooth company identifier the scale advertises under (assigned to another company; the scale reuses it). */
    public static final int COMPANY_ID = 0x0100;
    /** Shorter manufacturer data cannot hold the weight (bytes 10-11). */
    public static final int MIN_PAYLOAD = 12;

    static final String FORMAT = "WH-C06 manufacturer data";
    private static final int WEIGHT_OFFSET = 10;
    private static final int UNIT_OFFSET = 9;
    private static final int SECOND_UNIT_OFFSET = 14;
    private static final double UNITS_PER_WHOLE = 100.0;
    /** The international avoirdupois pound, kg (exact by definition). */
    static final double KILOGRAMS_PER_POUND = 0.45359237;

    /** The unit the scale displays, hence sends. */
    public enum Unit { KILOGRAM, POUND }

    @Override
    public DecodedFrame decode(byte[] bytes) throws MalformedFrameException {
        if (bytes.length < MIN_PAYLOAD) {
            throw new MalformedFrameException(FORMAT, FrameProblem.TOO_SHORT, bytes.length,
                    "the weight is at bytes " + WEIGHT_OFFSET + "-" + (WEIGHT_OFFSET + 1) + ", got " + bytes.length
                            + " bytes");
        }
        int hundredths = (Byte.toUnsignedInt(bytes[WEIGHT_OFFSET]) << 8) | Byte.toUnsignedInt(bytes[WEIGHT_OFFSET + 1]);
        double kilograms = unit(bytes) == Unit.POUND ? hundredths / UNITS_PER_WHOLE * KILOGRAMS_PER_POUND
                : hundredths / UNITS_PER_WHOLE;
        return DecodedFrame.of(List.of(ForceReading.untimed(ForceReading.newtonsFromKilogramsForce(kilograms))));
    }

    /** The display unit the payload states; kilograms where it states none (payloads under 15 bytes). */
    public static Unit unit(byte[] bytes) {
        if (bytes.length > SECOND_UNIT_OFFSET && bytes[UNIT_OFFSET] == (byte) 0xFF && bytes[SECOND_UNIT_OFFSET] == 0) {
            return Unit.POUND;
        }
        return Unit.KILOGRAM;
    }
}
