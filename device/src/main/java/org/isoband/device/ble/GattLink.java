package org.isoband.device.ble;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.types.Variant;
import org.isoband.device.ble.LinkPlan.Control;
import org.isoband.device.ble.LinkPlan.Endpoint;
import org.isoband.device.ble.decode.ForceFrameDecoder;
import org.isoband.device.ble.decode.IsobandControlPoint;
import org.isoband.device.ble.decode.IsobandResponse;
import org.isoband.device.ble.decode.MalformedFrameException;
import org.isoband.device.source.BatteryLevel;
import org.isoband.device.source.SampleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connected sensor: stops the discovery (a scanning controller aborts LE connections on many chips), connects
 * (retrying {@code le-connection-abort-by-local}), waits for BlueZ to resolve the GATT database, finds the data
 * and control characteristics, reads the battery where the sensor offers it, subscribes to the data before
 * writing the start command (the first frame restarts the sequence and must not be missed), and streams until the
 * connection drops, the data stops for {@link BleTimings#silence()}, or the source stops.
 */
final class GattLink implements SensorLink {
    private static final Logger LOG = LoggerFactory.getLogger(GattLink.class);
    /** Pause before another Connect after {@code le-connection-abort-by-local}. */
    private static final Duration CONNECT_RETRY_PAUSE = Duration.ofSeconds(1);
    /** The calls of a stop, which must not hold up the gateway's shutdown. */
    private static final Duration STOP_CALL_TIMEOUT = Duration.ofSeconds(2);
    /** How long the Progressor gets to answer its battery request before the stream starts anyway. */
    private static final Duration BATTERY_ANSWER = Duration.ofMillis(500);
    static final UUID BATTERY_SERVICE = DeviceKind.uuid16(0x180F);
    static final UUID BATTERY_LEVEL = DeviceKind.uuid16(0x2A19);

    private final DeviceKind kind;
    private final LinkPlan.Gatt plan;
    private final LinkContext context;
    private final BlueZ b;
    private final Devices devices;

    GattLink(DeviceKind kind, LinkPlan.Gatt plan, LinkContext context, BlueZ bluez, Devices devices) {
        this.kind = kind;
        this.plan = plan;
        this.context = context;
        this.b = bluez;
        this.devices = devices;
    }

    /** The characteristics' object paths; no control for a sensor that streams once subscribed to. */
    private record Paths(String data, Optional<String> control, Optional<String> battery) {
    }

    @Override
    public void run(Advertisement target, Discovery discovery) throws BleException, InterruptedException {
        discovery.close();
        String label = target.label();
        LOG.info("connecting to {} ({})", label, kind.cliName());
        connect(target);
        try {
            stream(target, label);
        } catch (InterruptedException e) {
            // Stopped while the link was being set up (resolving, reading the battery, subscribing): BlueZ keeps
            // the connection unless told otherwise, and the sensor would stay taken from other centrals.
            disconnectQuietly(target);
            throw e;
        }
    }

    /** From a fresh connection to the link's end: subscribe, start, stream until stopped, lost or silent. */
    private void stream(Advertisement target, String label) throws BleException, InterruptedException {
        Paths paths = resolve(target);
        readBatteryLevel(paths, label);
        FrameStream frames = context.newStream(kind, label);
        SampleSink sink = context.delivery.forLink(label);
        ForceFrameDecoder decoder = kind.decoder();
        CompletableFuture<LinkEnd> ended = new CompletableFuture<>();
        CountDownLatch batteryAnswered = new CountDownLatch(1);
        long[] lastData = {System.nanoTime()};
        Optional<Control> control = plan.control();
        BlueZ.Listener listener = new BlueZ.Listener() {
            @Override
            public void propertiesChanged(String path, String iface, Map<String, Object> changed,
                    List<String> invalidated, long arrivalNanos) {
                if (BlueZ.GATT_CHARACTERISTIC.equals(iface) && changed.containsKey("Value")) {
                    byte[] value = Plain.bytes(changed.get("Value"));
                    if (value == null) {
                        return;
                    }
                    if (path.equals(paths.data())) {
                        lastData[0] = arrivalNanos;
                        if (batteryAnswered.getCount() > 0) {
                            OptionalInt mv = decoder.batteryMillivolts(value);
                            if (mv.isPresent()) {
                                batteryAnswered.countDown();
                                battery(BatteryLevel.ofCellMillivolts(mv.getAsInt()), label);
                            }
                        }
                        if (context.running()) {
                            frames.accept(value, arrivalNanos, sink);
                        }
                    } else if (control.isPresent() && control.get().indicates()
                            && paths.control().filter(path::equals).isPresent()) {
                        logResponse(label, value);
                    }
                } else if (BlueZ.DEVICE.equals(iface) && path.equals(target.path())
                        && Boolean.FALSE.equals(changed.get("Connected"))) {
                    ended.complete(new LinkEnd.Dropped("disconnected"));
                }
            }

            @Override
            public void interfacesRemoved(String path, List<String> interfaces) {
                if (path.equals(target.path()) && interfaces.contains(BlueZ.DEVICE)) {
                    ended.complete(new LinkEnd.Dropped("BlueZ dropped the device"));
                }
            }

            @Override
            public void bluezGone(String why) {
                ended.complete(new LinkEnd.Dropped(why));
            }
        };
        AutoCloseable registration = b.listen(listener);
        try {
            // Notifications on before START: the first frame restarts the sequence and must not be missed.
            b.call(paths.data(), BlueZ.GATT_CHARACTERISTIC, "StartNotify", BlueZ.CALL_TIMEOUT, null);
            if (control.isPresent() && paths.control().isPresent()) {
                Control c = control.get();
                String controlPath = paths.control().get();
                if (c.indicates()) {
                    b.call(controlPath, BlueZ.GATT_CHARACTERISTIC, "StartNotify", BlueZ.CALL_TIMEOUT, null);
                }
                if (c.batteryRequest().isPresent()) {
                    // Asked before START, so that the answer (which does not say what it answers) is not taken
                    // for anything else; the stream starts anyway if it does not come.
                    write(controlPath, c.batteryRequest().get(), BlueZ.CALL_TIMEOUT);
                    batteryAnswered.await(BATTERY_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
                }
                batteryAnswered.countDown();
                write(controlPath, c.start(), BlueZ.CALL_TIMEOUT);
            }
            batteryAnswered.countDown();
            context.memory.remember(target.address());
            lastData[0] = System.nanoTime();
            Duration silence = context.config.timings().silence();
            LinkEnd end = context.awaitEnd(ended, () -> {
                if (frames.samples() > 0) {
                    context.backoff.reset();
                }
                return System.nanoTime() - lastData[0] > silence.toNanos()
                        ? Optional.of(new LinkEnd.Silent(silence)) : Optional.empty();
            });
            if (end instanceof LinkEnd.Stopped) {
                stop(paths, target);
                LOG.info("{}: stopped after {}", label, frames.summary());
                return;
            }
            String why = end instanceof LinkEnd.Silent s ? "no data for " + s.after().toSeconds() + " s"
                    : ((LinkEnd.Dropped) end).why();
            LOG.warn("{}: link lost ({}) after {}", label, why, frames.summary());
            if (end instanceof LinkEnd.Silent) {
                // Still connected as far as BlueZ knows: drop the connection so that the next one starts clean.
                disconnectQuietly(target);
            }
            throw new BleLinkException(end instanceof LinkEnd.Silent ? BleLinkException.Problem.SILENT
                    : BleLinkException.Problem.DISCONNECTED, label, label + ": link lost (" + why + "), reconnecting");
        } finally {
            closeQuietly(registration);
        }
    }

    private void battery(BatteryLevel level, String label) {
        if (level.low()) {
            LOG.warn("{}: battery low, {}: charge it before a session", label, level.describe());
        } else {
            LOG.info("{}: battery {}", label, level.describe());
        }
        context.delivery.battery(level);
    }

    /** The standard Battery Level, read once, if the sensor has the Battery Service. Best effort. */
    private void readBatteryLevel(Paths paths, String label) {
        if (paths.battery().isEmpty()) {
            return;
        }
        try {
            List<Object> reply = b.call(paths.battery().get(), BlueZ.GATT_CHARACTERISTIC, "ReadValue",
                    BlueZ.CALL_TIMEOUT, "a{sv}", Map.<String, Variant<?>>of());
            byte[] bytes = reply.isEmpty() ? null : Plain.bytes(reply.get(0));
            if (bytes != null && bytes.length >= 1 && Byte.toUnsignedInt(bytes[0]) <= 100) {
                battery(BatteryLevel.ofPercent(Byte.toUnsignedInt(bytes[0])), label);
            }
        } catch (BleException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("{}: battery level not read: {}", label, e.getMessage());
        }
    }

    private void connect(Advertisement target) throws BleException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                b.call(target.path(), BlueZ.DEVICE, "Connect", context.config.timings().connect(), null);
                return;
            } catch (InterruptedException e) {
                // Stopped while connecting: BlueZ goes on connecting unless told otherwise.
                disconnectQuietly(target);
                throw e;
            } catch (BlueZCallException e) {
                if (BlueZCallException.ALREADY_CONNECTED.equals(e.errorName())) {
                    return;
                }
                if ((e.isConnectionAbort() || e.isInProgress()) && attempt < context.config.timings().connectRetries()) {
                    LOG.info("{}: {}, connecting again", target.label(), e.errorText());
                    Thread.sleep(CONNECT_RETRY_PAUSE.toMillis());
                    continue;
                }
                throw e;
            }
        }
    }

    private Paths resolve(Advertisement target) throws BleException, InterruptedException {
        // Connected comes first, ServicesResolved when BlueZ has read (or recalled) the GATT database.
        Duration timeout = context.config.timings().servicesResolved();
        Optional<Advertisement> resolved = devices.await(ad -> ad.path().equals(target.path())
                && ad.servicesResolved(), timeout);
        if (resolved.isEmpty() && !Boolean.TRUE.equals(b.property(target.path(), BlueZ.DEVICE, "ServicesResolved"))) {
            disconnectQuietly(target);
            throw new BleLinkException(BleLinkException.Problem.SERVICES_NOT_RESOLVED, target.label(), target.label()
                    + ": connected, but BlueZ did not resolve its services in " + timeout.toSeconds() + " s");
        }
        GattDatabase db = new GattDatabase(b.managedObjects(), target.path());
        Optional<String> data = db.find(plan.data());
        Optional<Endpoint> controlEndpoint = plan.control().map(Control::endpoint);
        Optional<String> control = controlEndpoint.flatMap(db::find);
        if (data.isEmpty() || controlEndpoint.isPresent() && control.isEmpty()) {
            disconnectQuietly(target);
            Endpoint missing = data.isEmpty() ? plan.data() : controlEndpoint.get();
            throw new BleLinkException(BleLinkException.Problem.MISSING_CHARACTERISTIC, target.label(), target.label()
                    + " has no " + db.describeMissing(missing) + ": not a " + kind.cliName()
                    + " sensor, or another firmware");
        }
        return new Paths(data.get(), control, db.find(Endpoint.in(BATTERY_SERVICE, BATTERY_LEVEL)));
    }

    /** Write with response: the sensor acknowledges, so a lost command shows up as an error here. */
    private void write(String path, byte[] value, Duration timeout) throws BleException, InterruptedException {
        b.call(path, BlueZ.GATT_CHARACTERISTIC, "WriteValue", timeout, "aya{sv}", value,
                Map.of("type", new Variant<>("request")));
    }

    private static void logResponse(String label, byte[] value) {
        try {
            IsobandResponse r = IsobandControlPoint.decodeResponse(value);
            if (!r.ok()) {
                LOG.warn("{} answered {} with {}", label, r.opcode(), r.status());
            }
        } catch (MalformedFrameException e) {
            LOG.warn("{}: unreadable control point response: {}", label, e.getMessage());
        }
    }

    /** Stopping on request: tell the sensor to stop, and free it for other centrals. Best effort, quickly. */
    private void stop(Paths paths, Advertisement target) {
        boolean interrupted = Thread.interrupted();
        try {
            if (plan.control().isPresent() && paths.control().isPresent()) {
                write(paths.control().get(), plan.control().get().stop(), STOP_CALL_TIMEOUT);
            }
            b.call(paths.data(), BlueZ.GATT_CHARACTERISTIC, "StopNotify", STOP_CALL_TIMEOUT, null);
        } catch (BleException | InterruptedException e) {
            LOG.debug("{}: stopping: {}", target.label(), e.getMessage());
        }
        disconnectQuietly(target);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void disconnectQuietly(Advertisement target) {
        boolean interrupted = Thread.interrupted();
        try {
            b.call(target.path(), BlueZ.DEVICE, "Disconnect", STOP_CALL_TIMEOUT, null);
        } catch (BleException | InterruptedException e) {
            LOG.debug("{}: Disconnect: {}", target.label(), e.getMessage());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Removing a listener from a list.
        }
    }
}
