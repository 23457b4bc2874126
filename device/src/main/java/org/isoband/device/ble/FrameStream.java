package org.isoband.device.ble;

import java.util.List;
import java.util.OptionalInt;
import org.isoband.device.ble.decode.DecodedFrame;
import org.isoband.device.ble.decode.ForceFrameDecoder;
import org.isoband.device.ble.decode.ForceReading;
import org.isoband.device.ble.decode.FrameFlag;
import org.isoband.device.ble.decode.IsobandFrameDecoder;
import org.isoband.device.ble.decode.MalformedFrameException;
import org.isoband.device.source.SampleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link's notifications (or advertisements) to samples: decodes with the device's pure decoder, places each
 * reading on the gateway's clock, and keeps count of what went wrong. One per connection, because sequence
 * numbers and the sensor's clock start over with each START. Fed from one thread (dbus-java's
 * signal thread).
 *
 * <ul>
 *   <li>Malformed bytes are counted and skipped; the first is logged with the decoder's reason, later ones
 *       only counted, so that a sensor sending garbage twenty times a second does not flood the log.</li>
 *   <li>Lost notifications (isoband sequence gaps) are counted and left as gaps: the readings on either side
 *       keep their true times, nothing is filled in.</li>
 *   <li>A reading beyond {@link #MAX_PLAUSIBLE_NEWTONS} is refused like a malformed frame: the formats can carry
 *       values no band can reach (a Progressor float of 1e30 kg), and such a value would wreck the rep.</li>
 * </ul>
 */
final class FrameStream {
    private static final Logger LOG = LoggerFactory.getLogger(FrameStream.class);
    /**
     * Beyond any sensor here: the gauges read up to 300 kg (2.9 kN), a band far less. About 1 tonne-force leaves
     * room for a bigger load cell while refusing garbage.
     */
    static final double MAX_PLAUSIBLE_NEWTONS = 10_000;

    private final DeviceKind kind;
    private final String device;
    private final ForceFrameDecoder decoder;
    private final SensorClock clock = new SensorClock();
    private OptionalInt lastSequence = OptionalInt.empty();
    // Written by the one feeding thread only; volatile so that statistics can be read from any thread.
    private volatile long frames;
    private volatile long samples;
    private volatile long malformed;
    private volatile long lostFrames;
    private volatile long implausible;
    private volatile long outOfOrder;

    FrameStream(DeviceKind kind, String device) {
        this.kind = kind;
        this.device = device;
        this.decoder = kind.decoder();
    }

    /**
     * @param bytes        one notification's value, or the crane scale's manufacturer data
     * @param arrivalNanos when it arrived, {@link System#nanoTime}
     */
    void accept(byte[] bytes, long arrivalNanos, SampleSink sink) {
        DecodedFrame frame;
        try {
            frame = decoder.decode(bytes);
        } catch (MalformedFrameException e) {
            if (++malformed == 1) {
                LOG.warn(device + ": malformed " + kind.cliName() + " data skipped: "
                        + e.getMessage() + " (further ones are counted, not logged)");
            }
            return;
        }
        frames++;
        if (!inSequence(frame)) {
            return;
        }
        List<ForceReading> readings = frame.readings();
        long[] times = times(readings, arrivalNanos);
        for (int i = 0; i < readings.size(); i++) {
            double newtons = readings.get(i).newtons();
            if (!(Math.abs(newtons) <= MAX_PLAUSIBLE_NEWTONS)) {
                if (++implausible == 1) {
                    LOG.warn(device + ": reading of " + newtons + " N skipped as "
                            + "impossible (further ones are counted, not logged)");
                }
                continue;
            }
            samples++;
            sink.sample(times[i], newtons);
        }
    }

    /** The readings' times: from the sensor's clock, mapped as one notification, else the arrival. */
    private long[] times(List<ForceReading> readings, long arrivalNanos) {
        long[] raw = new long[readings.size()];
        for (int i = 0; i < raw.length; i++) {
            if (readings.get(i).sensorMicros().isEmpty()) {
                long[] arrival = new long[raw.length];
                java.util.Arrays.fill(arrival, arrivalNanos);
                return arrival;
            }
            raw[i] = readings.get(i).sensorMicros().getAsLong();
        }
        return clock.toGatewayNanos(raw, arrivalNanos);
    }

    /** Sequence bookkeeping (isoband frames only): false for a frame to drop. */
    private boolean inSequence(DecodedFrame frame) {
        if (frame.sequence().isEmpty()) {
            return true;
        }
        int sequence = frame.sequence().getAsInt();
        if (frame.has(FrameFlag.SEQUENCE_RESTARTED)) {
            // START (ours, after a reconnect, or the band's after a reboot): a new stream and a new sensor clock.
            clock.restart();
        } else if (lastSequence.isPresent()) {
            int lost = IsobandFrameDecoder.framesLost(lastSequence.getAsInt(), sequence);
            if (lost >= 0x8000) {
                // Behind the last one: a repeat or a frame out of order. BLE does neither within a connection,
                // so this is a confused sensor; its readings would step time back.
                outOfOrder++;
                return false;
            }
            lostFrames += lost;
        }
        lastSequence = OptionalInt.of(sequence);
        return true;
    }

    long frames() {
        return frames;
    }

    long samples() {
        return samples;
    }

    long malformed() {
        return malformed;
    }

    /** Notifications the sequence numbers say were sent but never arrived. */
    long lostFrames() {
        return lostFrames;
    }

    long implausible() {
        return implausible;
    }

    long outOfOrder() {
        return outOfOrder;
    }

    /** "1200 frames, 4800 samples, 3 lost, 1 malformed", for the log when the link ends. */
    String summary() {
        StringBuilder sb = new StringBuilder().append(frames).append(" frames, ").append(samples).append(" samples");
        if (lostFrames > 0) {
            sb.append(", ").append(lostFrames).append(" lost");
        }
        if (malformed > 0) {
            sb.append(", ").append(malformed).append(" malformed");
        }
        if (implausible > 0) {
            sb.append(", ").append(implausible).append(" impossible readings");
        }
        if (outOfOrder > 0) {
            sb.append(", ").append(outOfOrder).append(" out of order");
        }
        return sb.toString();
    }
}
