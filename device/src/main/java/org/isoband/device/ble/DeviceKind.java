package org.isoband.device.ble;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.isoband.device.ble.decode.CraneScaleAdvertisementDecoder;
import org.isoband.device.ble.decode.ForceFrameDecoder;
import org.isoband.device.ble.decode.IsobandCommand;
import org.isoband.device.ble.decode.IsobandControlPoint;
import org.isoband.device.ble.decode.IsobandFrameDecoder;
import org.isoband.device.ble.decode.ProgressorFrameDecoder;

/**
 * The sensors the gateway reads over BLE, with what it takes to recognise each one in a scan and to make it
 * stream (firmware-notes/gatt-profile.md and commercial-gauges.md). Adding a device is adding a constant here,
 * its decoder and its vectors.
 */
public enum DeviceKind {
    /** The project's own band: found by its advertised service UUID, streams frames with sequence and time. */
    ISOBAND(80, IsobandFrameDecoder.SERVICE, IsobandFrameDecoder.FORCE_STREAM, IsobandFrameDecoder.CONTROL_POINT,
            IsobandControlPoint.encode(new IsobandCommand.Start(), 1),
            IsobandControlPoint.encode(new IsobandCommand.Stop(), 2)),
    /**
     * Tindeq Progressor: advertises its name ("Progressor...") but not its service UUID, so it is recognised
     * by name; streams float kg with its own microsecond clock.
     */
    PROGRESSOR(80, ProgressorFrameDecoder.SERVICE, ProgressorFrameDecoder.DATA_POINT,
            ProgressorFrameDecoder.CONTROL_POINT, new byte[] {0x65}, new byte[] {0x66}),
    /** WH-C06 crane scale: never connects; its weight is in the manufacturer data of each advertisement. */
    CRANE_SCALE(10, null, null, null, null, null);

    /** The Progressor's advertised name starts with this (its official client matches the same prefix). */
    public static final String PROGRESSOR_NAME_PREFIX = "Progressor";
    /** Manufacturer data shorter than this cannot hold the crane scale's weight (bytes 10-11). */
    static final int CRANE_SCALE_MIN_PAYLOAD = 12;

    private final double nominalHz;
    private final UUID service;
    private final UUID data;
    private final UUID control;
    private final byte[] start;
    private final byte[] stop;

    DeviceKind(double nominalHz, UUID service, UUID data, UUID control, byte[] start, byte[] stop) {
        this.nominalHz = nominalHz;
        this.service = service;
        this.data = data;
        this.control = control;
        this.start = start;
        this.stop = stop;
    }

    /** {@code isoband}, {@code progressor}, {@code crane-scale}: as in the configuration's profile. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public double nominalHz() {
        return nominalHz;
    }

    /** Whether the gateway connects to it; the crane scale is only listened to. */
    public boolean connects() {
        return service != null;
    }

    public UUID service() {
        return service;
    }

    /** The characteristic that notifies the force. */
    public UUID dataCharacteristic() {
        return data;
    }

    /** The characteristic the start and stop commands are written to. */
    public UUID controlCharacteristic() {
        return control;
    }

    public byte[] startCommand() {
        return start.clone();
    }

    public byte[] stopCommand() {
        return stop.clone();
    }

    /** Whether the control point answers by indication (the isoband band does; the Progressor answers on data). */
    public boolean controlIndicates() {
        return this == ISOBAND;
    }

    /** A new decoder: decoders are stateless, so any instance will do. */
    public ForceFrameDecoder decoder() {
        return switch (this) {
            case ISOBAND -> new IsobandFrameDecoder();
            case PROGRESSOR -> new ProgressorFrameDecoder();
            case CRANE_SCALE -> new CraneScaleAdvertisementDecoder();
        };
    }

    /** What an advertising device is, if the gateway supports it. */
    public static Optional<DeviceKind> recognise(Advertisement ad) {
        if (ad.uuids().contains(IsobandFrameDecoder.SERVICE)) {
            return Optional.of(ISOBAND);
        }
        if (ad.name().startsWith(PROGRESSOR_NAME_PREFIX) || ad.uuids().contains(ProgressorFrameDecoder.SERVICE)) {
            return Optional.of(PROGRESSOR);
        }
        byte[] crane = ad.manufacturerData().get(CraneScaleAdvertisementDecoder.COMPANY_ID);
        if (crane != null && crane.length >= CRANE_SCALE_MIN_PAYLOAD) {
            return Optional.of(CRANE_SCALE);
        }
        return Optional.empty();
    }
}
