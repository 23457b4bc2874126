package org.isoband.device.ble;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.isoband.device.ble.LinkPlan.Control;
import org.isoband.device.ble.LinkPlan.Endpoint;
import org.isoband.device.ble.decode.CraneScaleAdvertisementDecoder;
import org.isoband.device.ble.decode.Cts500FrameDecoder;
import org.isoband.device.ble.decode.ForceBoardFrameDecoder;
import org.isoband.device.ble.decode.ForceFrameDecoder;
import org.isoband.device.ble.decode.IsobandCommand;
import org.isoband.device.ble.decode.IsobandControlPoint;
import org.isoband.device.ble.decode.IsobandFrameDecoder;
import org.isoband.device.ble.decode.ProgressorFrameDecoder;
import org.isoband.device.ble.decode.SigForceDecoder;

/**
 * The sensors the gateway reads over BLE, with what it takes to recognise each one in a scan and to make it
 * stream (firmware-notes/gatt-profile.md and commercial-gauges.md). Adding a device is adding a constant here,
 * its decoder and its vectors.
 */
public enum DeviceKind {
    /** The project's own band: found by its advertised service UUID, streams frames with sequence and time. */
    ISOBAND(80, new LinkPlan.Gatt(Endpoint.in(IsobandFrameDecoder.SERVICE, IsobandFrameDecoder.FORCE_STREAM),
            Optional.of(new Control(Endpoint.in(IsobandFrameDecoder.SERVICE, IsobandFrameDecoder.CONTROL_POINT),
                    IsobandControlPoint.encode(new IsobandCommand.Start(), 1),
                    IsobandControlPoint.encode(new IsobandCommand.Stop(), 2), true, Optional.empty()))),
            IsobandFrameDecoder::new),
    /**
     * Tindeq Progressor and the firmwares that speak its protocol (Crimpdeq): advertises its name
     * ("Progressor...") but not its service UUID, so it is recognised by name; streams float kg with its own
     * microsecond clock, about 82 Hz as real exports show (samples ~11.4 ms apart, every ~16th interval double).
     */
    PROGRESSOR(82, new LinkPlan.Gatt(Endpoint.in(ProgressorFrameDecoder.SERVICE, ProgressorFrameDecoder.DATA_POINT),
            Optional.of(new Control(Endpoint.in(ProgressorFrameDecoder.SERVICE, ProgressorFrameDecoder.CONTROL_POINT),
                    new byte[] {ProgressorFrameDecoder.START_WEIGHT_MEAS},
                    new byte[] {ProgressorFrameDecoder.STOP_WEIGHT_MEAS}, false,
                    Optional.of(new byte[] {ProgressorFrameDecoder.GET_BATTERY_VOLTAGE})))),
            ProgressorFrameDecoder::new),
    /**
     * PitchSix Force Board: advertises the name "Force Board"; force in one service, its Device Mode (the
     * start and stop commands) in another; pounds-force, stamped on arrival (no sensor clock).
     */
    FORCE_BOARD(80, new LinkPlan.Gatt(Endpoint.in(ForceBoardFrameDecoder.SERVICE, ForceBoardFrameDecoder.FORCE_DATA),
            Optional.of(new Control(Endpoint.in(ForceBoardFrameDecoder.WEIGHT_SERVICE,
                    ForceBoardFrameDecoder.DEVICE_MODE), new byte[] {ForceBoardFrameDecoder.MODE_STREAMING},
                    new byte[] {ForceBoardFrameDecoder.MODE_IDLE}, false, Optional.empty()))),
            ForceBoardFrameDecoder::new),
    /**
     * CTS500 (sold as Jlyscales CTS500, a Progressor look-alike) and its CTS-300 sibling: a serial-over-BLE
     * bridge; start and stop "automatic weight upload" with checksummed 6-byte commands, 7-byte weight frames; its
     * battery voltage asked before the start (the answer names its query).
     */
    CTS500(10, new LinkPlan.Gatt(Endpoint.in(Cts500FrameDecoder.SERVICE, Cts500FrameDecoder.NOTIFY),
            Optional.of(new Control(Endpoint.in(Cts500FrameDecoder.SERVICE, Cts500FrameDecoder.WRITE),
                    Cts500FrameDecoder.command(Cts500FrameDecoder.OPCODE_START),
                    Cts500FrameDecoder.command(Cts500FrameDecoder.OPCODE_STOP), false,
                    Optional.of(Cts500FrameDecoder.command(Cts500FrameDecoder.OPCODE_BATTERY))))),
            Cts500FrameDecoder::new),
    /**
     * Any device with the Bluetooth SIG Force characteristic (0x2C07), in whichever service: it notifies once
     * subscribed to, without a start command. Found by that UUID when advertised, else by name with the
     * {@code sig-force} profile.
     */
    SIG_FORCE(10, new LinkPlan.Gatt(Endpoint.anywhere(SigForceDecoder.FORCE), Optional.empty()), SigForceDecoder::new),
    /** WH-C06 crane scale: never connects; its weight is in the manufacturer data of each advertisement, ~8 Hz. */
    CRANE_SCALE(8, new LinkPlan.Advertised(CraneScaleAdvertisementDecoder.COMPANY_ID,
            CraneScaleAdvertisementDecoder.MIN_PAYLOAD), CraneScaleAdvertisementDecoder::new);

    /** The Progressor's advertised name starts with this (its official client matches the same prefix). */
    public static final String PROGRESSOR_NAME_PREFIX = "Progressor";
    /** The Force Board's advertised name (Grip Connect's filter matches it exactly). */
    public static final String FORCE_BOARD_NAME = "Force Board";
    /** The names the CTS gauges advertise (Grip Connect's filters). */
    static final java.util.Set<String> CTS_NAMES = java.util.Set.of("CTS500", "CTS-300");

    private final double nominalHz;
    private final LinkPlan plan;
    private final Supplier<ForceFrameDecoder> decoder;

    DeviceKind(double nominalHz, LinkPlan plan, Supplier<ForceFrameDecoder> decoder) {
        this.nominalHz = nominalHz;
        this.plan = plan;
        this.decoder = decoder;
    }

    /** {@code isoband}, {@code progressor}, {@code crane-scale}: as in the configuration's profile. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public double nominalHz() {
        return nominalHz;
    }

    public LinkPlan plan() {
        return plan;
    }

    /** Whether the gateway connects to it; the crane scale is only listened to. */
    public boolean connects() {
        return plan instanceof LinkPlan.Gatt;
    }

    private Optional<Control> control() {
        return plan instanceof LinkPlan.Gatt g ? g.control() : Optional.empty();
    }

    /** The command that starts the stream; empty for a sensor that needs none. */
    public byte[] startCommand() {
        return control().map(Control::start).orElse(new byte[0]);
    }

    /** The command that stops the stream; empty for a sensor that needs none. */
    public byte[] stopCommand() {
        return control().map(Control::stop).orElse(new byte[0]);
    }

    /** A new decoder: decoders are stateless, so any instance will do. */
    public ForceFrameDecoder decoder() {
        return decoder.get();
    }

    /** What an advertising device is, if the gateway supports it. */
    public static Optional<DeviceKind> recognise(Advertisement ad) {
        if (ad.uuids().contains(IsobandFrameDecoder.SERVICE)) {
            return Optional.of(ISOBAND);
        }
        if (ad.name().startsWith(PROGRESSOR_NAME_PREFIX) || ad.uuids().contains(ProgressorFrameDecoder.SERVICE)) {
            return Optional.of(PROGRESSOR);
        }
        if (ad.name().equals(FORCE_BOARD_NAME) || ad.uuids().contains(ForceBoardFrameDecoder.SERVICE)) {
            return Optional.of(FORCE_BOARD);
        }
        if (CTS_NAMES.contains(ad.name())) {
            return Optional.of(CTS500);
        }
        if (ad.uuids().contains(SigForceDecoder.FORCE)) {
            return Optional.of(SIG_FORCE);
        }
        byte[] crane = ad.manufacturerData().get(CraneScaleAdvertisementDecoder.COMPANY_ID);
        if (crane != null && crane.length >= CraneScaleAdvertisementDecoder.MIN_PAYLOAD) {
            return Optional.of(CRANE_SCALE);
        }
        return Optional.empty();
    }

    /** The kind a profile names, if it names one ({@code auto} does not). */
    public static Optional<DeviceKind> of(BleProfile profile) {
        for (DeviceKind k : values()) {
            if (k.name().equals(profile.name())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    static UUID uuid16(int short16) {
        return UUID.fromString(String.format(Locale.ROOT, "%08x-0000-1000-8000-00805f9b34fb", short16));
    }
}
