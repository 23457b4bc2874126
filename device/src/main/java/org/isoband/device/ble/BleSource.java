package org.isoband.device.ble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.freedesktop.dbus.types.Variant;
import org.isoband.device.ble.decode.CraneScaleAdvertisementDecoder;
import org.isoband.device.ble.decode.IsobandControlPoint;
import org.isoband.device.ble.decode.IsobandResponse;
import org.isoband.device.ble.decode.MalformedFrameException;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SampleSource;
import org.isoband.device.source.SourceDescription;

/**
 * A BLE force sensor through BlueZ: finds it, connects (or, for the crane scale, listens to its
 * advertisements), streams its readings to the sink, and when the link goes reports {@link LinkState#LOST} and
 * reconnects with exponential backoff and jitter until {@link #stop}. Link states go CONNECTING (until the
 * first sample), STREAMING, then LOST and STREAMING in turn; never CONNECTING again after a loss, since the
 * gateway resumes a session on LOST to STREAMING.
 *
 * <p>One thread of its own ("source-ble") runs the link: D-Bus calls, waits and backoff. Samples come from
 * dbus-java's signal thread as notifications arrive. Both reach the sink through one lock, so the sink sees
 * one call at a time, in order, and nothing after STOPPED.
 *
 * <p>The BlueZ quirks it handles, each where it arises: notifications come as PropertiesChanged of the
 * characteristic's Value; BlueZ lists cached devices that may be gone, so a device is only connected after it
 * advertised in this discovery; discovery is stopped before connecting (a scanning controller aborts LE
 * connections on many chips) and {@code le-connection-abort-by-local} is retried; StartDiscovery's InProgress
 * is retried a bounded number of times; StartNotify comes before the start command, so the first frame (which
 * restarts the sequence) is not missed; a sensor held by another central does not advertise, and the user is
 * told so.
 */
public final class BleSource implements SampleSource {
    private static final System.Logger LOG = System.getLogger(BleSource.class.getName());
    /** The first try after a loss, and the most it may be shortened by (jitter 0.5: 0.25-0.5 s, then 0.5-1 s...). */
    private static final double JITTER = 0.5;
    /** Pause before another Connect after {@code le-connection-abort-by-local}. */
    private static final Duration CONNECT_RETRY_PAUSE = Duration.ofSeconds(1);
    /** The calls of a stop, which must not hold up the gateway's shutdown. */
    private static final Duration STOP_CALL_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(100);

    private final BleConfig config;
    private final Map<String, String> environment;
    private final SourceDescription description;
    private final RandomGenerator random;
    private volatile boolean running;
    private Thread thread;
    private Delivery delivery;
    private BlueZ bluez;
    private volatile boolean streamedBefore;
    private final List<FrameStream> links = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Reads the system bus address from the process's environment. */
    public BleSource(BleConfig config) {
        this(config, System.getenv(), new Random());
    }

    /**
     * @param environment where {@code DBUS_SYSTEM_BUS_ADDRESS} is read (tests point it at their own bus)
     * @param random      for the backoff's jitter
     */
    public BleSource(BleConfig config, Map<String, String> environment, RandomGenerator random) {
        this.config = config;
        this.environment = Map.copyOf(environment);
        this.random = random;
        this.description = new SourceDescription("BLE " + config.wanted() + " on " + config.adapter(), "ble",
                config.profile() == BleProfile.CRANE_SCALE ? DeviceKind.CRANE_SCALE.nominalHz()
                        : DeviceKind.ISOBAND.nominalHz());
    }

    @Override
    public SourceDescription description() {
        return description;
    }

    @Override
    public synchronized void start(SampleSink sink) {
        if (thread != null) {
            throw new IllegalStateException(description.name() + " was already started");
        }
        running = true;
        delivery = new Delivery(sink);
        thread = new Thread(this::run, "source-ble");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                // Long enough for the stop command, StopNotify and Disconnect with their short timeouts.
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * What this source received since it started, over all its links.
     *
     * @param links       links opened: connections made (or crane scales listened to), one more per reconnection
     * @param frames      notifications (or advertisements) decoded
     * @param samples     readings delivered
     * @param malformed   notifications whose bytes did not decode, skipped
     * @param lostFrames  notifications the sequence numbers say never arrived
     * @param implausible readings beyond any sensor's range, skipped
     */
    public record Statistics(int links, long frames, long samples, long malformed, long lostFrames,
            long implausible) {
    }

    public Statistics statistics() {
        long frames = 0;
        long samples = 0;
        long malformed = 0;
        long lost = 0;
        long implausible = 0;
        for (FrameStream f : links) {
            frames += f.frames();
            samples += f.samples();
            malformed += f.malformed();
            lost += f.lostFrames();
            implausible += f.implausible();
        }
        return new Statistics(links.size(), frames, samples, malformed, lost, implausible);
    }

    private void run() {
        Backoff backoff = new Backoff(config.timings().backoffInitial(), config.timings().backoffMax(), JITTER, random);
        delivery.state(LinkState.CONNECTING, "looking for " + config.wanted() + " on " + config.adapter());
        try {
            while (running) {
                String why;
                try {
                    runLink(connectedBlueZ(), backoff);
                    continue;
                } catch (BlueZUnavailableException e) {
                    why = e.getMessage();
                    dropBlueZ();
                } catch (BleException e) {
                    why = e.getMessage();
                    if (bluez != null && !bluez.alive()) {
                        dropBlueZ();
                    }
                } catch (InterruptedException e) {
                    continue;
                } catch (RuntimeException e) {
                    // A bug of ours or a library's: say so, and keep the link alive rather than die silently.
                    why = "unexpected error: " + e;
                    LOG.log(System.Logger.Level.ERROR, why, e);
                    dropBlueZ();
                }
                if (!running) {
                    break;
                }
                Duration wait = backoff.next();
                delivery.state(streamedBefore ? LinkState.LOST : LinkState.CONNECTING, why);
                LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "%s; retrying in %.1f s (attempt %d)",
                        why, wait.toMillis() / 1000.0, backoff.failures()));
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    // stop(): the loop condition ends it.
                }
            }
        } finally {
            dropBlueZ();
            delivery.stopped();
        }
    }

    private BlueZ connectedBlueZ() throws BlueZUnavailableException {
        if (bluez == null || !bluez.alive()) {
            dropBlueZ();
            bluez = BlueZ.connect(environment);
        }
        return bluez;
    }

    private void dropBlueZ() {
        if (bluez != null) {
            bluez.close();
            bluez = null;
        }
    }

    /** One link, from finding the device to its loss; returns normally only when stopped. */
    private void runLink(BlueZ b, Backoff backoff) throws BleException, InterruptedException {
        String adapterPath = BleScanner.adapterPath(b, config.adapter());
        try (Devices devices = new Devices(b, adapterPath)) {
            Advertisement target;
            DeviceKind kind;
            try (Discovery discovery = Discovery.start(b, adapterPath, config.profile(), devices)) {
                target = find(devices);
                kind = kindOf(target);
                if (!kind.connects()) {
                    listenToAdvertisements(b, target, backoff);
                    return;
                }
            }
            // Discovery is stopped here, before connecting.
            streamGatt(b, devices, target, kind, backoff);
        }
    }

    /** The target's kind: as recognised, else (a named device of an explicit profile) the profile's. */
    private DeviceKind kindOf(Advertisement ad) throws BleLinkException {
        Optional<DeviceKind> kind = ad.kind().filter(config.profile()::accepts);
        if (kind.isPresent()) {
            return kind.get();
        }
        if (config.profile() == BleProfile.AUTO) {
            throw new BleLinkException(BleLinkException.Problem.MISSING_CHARACTERISTIC, ad.label(), ad.label()
                    + " is not a supported sensor (set the profile if it is one)");
        }
        return DeviceKind.valueOf(config.profile().name());
    }

    /** Waits for the wanted device to advertise, or to be connected already (by another program on this computer). */
    private Advertisement find(Devices devices) throws BleException, InterruptedException {
        BleTimings t = config.timings();
        // Advertising now, or connected already by another program here (a connected peripheral is silent).
        Predicate<Advertisement> present = ad -> ad.fresh() || ad.connected()
                && ad.kind().map(DeviceKind::connects).orElse(config.profile() != BleProfile.CRANE_SCALE);
        Predicate<Advertisement> supported = ad -> ad.kind().filter(config.profile()::accepts).isPresent();
        Optional<Advertisement> found;
        if (!config.device().isEmpty()) {
            // A named device of an explicit profile is taken even if it does not advertise what identifies it.
            found = devices.await(ad -> ad.isNamed(config.device()) && present.test(ad)
                    && (supported.test(ad) || config.profile() != BleProfile.AUTO), t.find());
        } else {
            Optional<String> remembered = remembered();
            found = Optional.empty();
            if (remembered.isPresent()) {
                found = devices.await(ad -> ad.isNamed(remembered.get()) && present.test(ad) && supported.test(ad),
                        t.preferRemembered());
            }
            if (found.isEmpty()) {
                found = devices.await(ad -> ad.fresh() && supported.test(ad), t.find());
            }
        }
        if (found.isEmpty()) {
            throw notAdvertising(devices);
        }
        return found.get();
    }

    private BleLinkException notAdvertising(Devices devices) {
        long seconds = config.timings().find().toSeconds();
        String hint = "switched off, out of range, or connected to another app such as a phone's: a sensor takes one "
                + "central at a time, so close that app and the gateway connects by itself";
        if (config.device().isEmpty()) {
            return new BleLinkException(BleLinkException.Problem.NOT_ADVERTISING, config.wanted(), "found no "
                    + (config.profile() == BleProfile.AUTO ? "supported sensor" : config.profile().cliName()
                    + " sensor") + " advertising in " + seconds + " s (" + hint + ")");
        }
        Optional<Advertisement> cached = devices.all().stream().filter(ad -> ad.isNamed(config.device())).findFirst();
        String who = cached.map(Advertisement::label).orElse(config.device());
        return new BleLinkException(BleLinkException.Problem.NOT_ADVERTISING, who, who
                + (cached.isPresent() ? " is known to BlueZ but" : "") + " did not advertise in " + seconds + " s ("
                + hint + ")");
    }

    private void streamGatt(BlueZ b, Devices devices, Advertisement target, DeviceKind kind, Backoff backoff)
            throws BleException, InterruptedException {
        String label = target.label();
        LOG.log(System.Logger.Level.INFO, "connecting to " + label + " (" + kind.cliName() + ")");
        connect(b, target);
        Gatt gatt = resolve(b, devices, target, kind);
        FrameStream frames = new FrameStream(kind, label);
        links.add(frames);
        LinkSink sink = new LinkSink(label);
        CompletableFuture<String> ended = new CompletableFuture<>();
        long[] lastData = {System.nanoTime()};
        BlueZ.Listener listener = new BlueZ.Listener() {
            @Override
            public void propertiesChanged(String path, String iface, Map<String, Object> changed,
                    List<String> invalidated, long arrivalNanos) {
                if (BlueZ.GATT_CHARACTERISTIC.equals(iface) && changed.containsKey("Value")) {
                    byte[] value = Plain.bytes(changed.get("Value"));
                    if (value == null) {
                        return;
                    }
                    if (path.equals(gatt.data())) {
                        lastData[0] = arrivalNanos;
                        if (running) {
                            frames.accept(value, arrivalNanos, sink);
                        }
                    } else if (path.equals(gatt.control()) && kind.controlIndicates()) {
                        logResponse(label, value);
                    }
                } else if (BlueZ.DEVICE.equals(iface) && path.equals(target.path())
                        && Boolean.FALSE.equals(changed.get("Connected"))) {
                    ended.complete("disconnected");
                }
            }

            @Override
            public void interfacesRemoved(String path, List<String> interfaces) {
                if (path.equals(target.path()) && interfaces.contains(BlueZ.DEVICE)) {
                    ended.complete("BlueZ dropped the device");
                }
            }

            @Override
            public void bluezGone(String why) {
                ended.complete(why);
            }
        };
        AutoCloseable registration = b.listen(listener);
        try {
            // Notifications on before START: the first frame restarts the sequence and must not be missed.
            b.call(gatt.data(), BlueZ.GATT_CHARACTERISTIC, "StartNotify", BlueZ.CALL_TIMEOUT, null);
            if (kind.controlIndicates()) {
                b.call(gatt.control(), BlueZ.GATT_CHARACTERISTIC, "StartNotify", BlueZ.CALL_TIMEOUT, null);
            }
            write(b, gatt.control(), kind.startCommand(), BlueZ.CALL_TIMEOUT);
            remember(target.address());
            lastData[0] = System.nanoTime();
            String why = awaitEnd(ended, () -> {
                if (frames.samples() > 0) {
                    backoff.reset();
                }
                long silent = System.nanoTime() - lastData[0];
                return silent > config.timings().silence().toNanos()
                        ? "no data for " + config.timings().silence().toSeconds() + " s" : null;
            });
            if (why == null) {
                stopGatt(b, gatt, kind, target);
                LOG.log(System.Logger.Level.INFO, label + ": stopped after " + frames.summary());
                return;
            }
            LOG.log(System.Logger.Level.WARNING, label + ": link lost (" + why + ") after " + frames.summary());
            if (why.startsWith("no data")) {
                // Still connected as far as BlueZ knows: drop the connection so that the next one starts clean.
                disconnectQuietly(b, target);
            }
            throw new BleLinkException(why.startsWith("no data") ? BleLinkException.Problem.SILENT
                    : BleLinkException.Problem.DISCONNECTED, label, label + ": link lost (" + why + "), reconnecting");
        } finally {
            closeQuietly(registration);
        }
    }

    private void connect(BlueZ b, Advertisement target) throws BleException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                b.call(target.path(), BlueZ.DEVICE, "Connect", config.timings().connect(), null);
                return;
            } catch (InterruptedException e) {
                // Stopped while connecting: BlueZ goes on connecting unless told otherwise.
                disconnectQuietly(b, target);
                throw e;
            } catch (BlueZCallException e) {
                if (BlueZCallException.ALREADY_CONNECTED.equals(e.errorName())) {
                    return;
                }
                if ((e.isConnectionAbort() || e.isInProgress()) && attempt < config.timings().connectRetries()) {
                    LOG.log(System.Logger.Level.INFO, target.label() + ": " + e.errorText() + ", connecting again");
                    Thread.sleep(CONNECT_RETRY_PAUSE.toMillis());
                    continue;
                }
                throw e;
            }
        }
    }

    /** The data and control characteristics' object paths. */
    private record Gatt(String data, String control) {
    }

    private Gatt resolve(BlueZ b, Devices devices, Advertisement target, DeviceKind kind)
            throws BleException, InterruptedException {
        // Connected comes first, ServicesResolved when BlueZ has read (or recalled) the GATT database.
        Optional<Advertisement> resolved = devices.await(ad -> ad.path().equals(target.path())
                && ad.servicesResolved(), config.timings().servicesResolved());
        if (resolved.isEmpty() && !Boolean.TRUE.equals(b.property(target.path(), BlueZ.DEVICE, "ServicesResolved"))) {
            disconnectQuietly(b, target);
            throw new BleLinkException(BleLinkException.Problem.SERVICES_NOT_RESOLVED, target.label(), target.label()
                    + ": connected, but BlueZ did not resolve its services in "
                    + config.timings().servicesResolved().toSeconds() + " s");
        }
        Map<String, Map<String, Map<String, Object>>> objects = b.managedObjects();
        String service = null;
        for (Map.Entry<String, Map<String, Map<String, Object>>> e : objects.entrySet()) {
            Map<String, Object> props = e.getValue().get(BlueZ.GATT_SERVICE);
            if (props != null && e.getKey().startsWith(target.path() + "/") && sameUuid(props, kind.service())) {
                service = e.getKey();
            }
        }
        String data = null;
        String control = null;
        for (Map.Entry<String, Map<String, Map<String, Object>>> e : objects.entrySet()) {
            Map<String, Object> props = e.getValue().get(BlueZ.GATT_CHARACTERISTIC);
            if (props == null || service == null || !service.equals(props.get("Service"))) {
                continue;
            }
            if (sameUuid(props, kind.dataCharacteristic())) {
                data = e.getKey();
            } else if (sameUuid(props, kind.controlCharacteristic())) {
                control = e.getKey();
            }
        }
        if (data == null || control == null) {
            disconnectQuietly(b, target);
            String missing = service == null ? "service " + kind.service()
                    : "characteristic " + (data == null ? kind.dataCharacteristic() : kind.controlCharacteristic());
            throw new BleLinkException(BleLinkException.Problem.MISSING_CHARACTERISTIC, target.label(), target.label()
                    + " has no " + missing + ": not a " + kind.cliName() + " sensor, or another firmware");
        }
        return new Gatt(data, control);
    }

    private static boolean sameUuid(Map<String, Object> props, java.util.UUID uuid) {
        return uuid.toString().equalsIgnoreCase(String.valueOf(props.get("UUID")));
    }

    /** Write with response: the sensor acknowledges, so a lost command shows up as an error here. */
    private static void write(BlueZ b, String path, byte[] value, Duration timeout)
            throws BleException, InterruptedException {
        b.call(path, BlueZ.GATT_CHARACTERISTIC, "WriteValue", timeout, "aya{sv}", value,
                Map.of("type", new Variant<>("request")));
    }

    private static void logResponse(String label, byte[] value) {
        try {
            IsobandResponse r = IsobandControlPoint.decodeResponse(value);
            if (!r.ok()) {
                LOG.log(System.Logger.Level.WARNING, label + " answered " + r.opcode() + " with " + r.status());
            }
        } catch (MalformedFrameException e) {
            LOG.log(System.Logger.Level.WARNING, label + ": unreadable control point response: " + e.getMessage());
        }
    }

    /** Stopping on request: tell the sensor to stop, and free it for other centrals. Best effort, quickly. */
    private void stopGatt(BlueZ b, Gatt gatt, DeviceKind kind, Advertisement target) {
        boolean interrupted = Thread.interrupted();
        try {
            write(b, gatt.control(), kind.stopCommand(), STOP_CALL_TIMEOUT);
            b.call(gatt.data(), BlueZ.GATT_CHARACTERISTIC, "StopNotify", STOP_CALL_TIMEOUT, null);
        } catch (BleException | InterruptedException e) {
            LOG.log(System.Logger.Level.DEBUG, target.label() + ": stopping: " + e.getMessage());
        }
        disconnectQuietly(b, target);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void disconnectQuietly(BlueZ b, Advertisement target) {
        boolean interrupted = Thread.interrupted();
        try {
            b.call(target.path(), BlueZ.DEVICE, "Disconnect", STOP_CALL_TIMEOUT, null);
        } catch (BleException | InterruptedException e) {
            LOG.log(System.Logger.Level.DEBUG, target.label() + ": Disconnect: " + e.getMessage());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The crane scale: readings are the manufacturer data of its advertisements, so discovery stays on, and the
     * link is lost when no advertisement came for {@link BleTimings#advertSilence()}; it is back with the next.
     */
    private void listenToAdvertisements(BlueZ b, Advertisement target, Backoff backoff)
            throws BleException, InterruptedException {
        String label = target.label();
        FrameStream frames = new FrameStream(DeviceKind.CRANE_SCALE, label);
        links.add(frames);
        LinkSink sink = new LinkSink(label);
        CompletableFuture<String> ended = new CompletableFuture<>();
        long[] lastAdvert = {System.nanoTime()};
        BlueZ.Listener listener = new BlueZ.Listener() {
            @Override
            public void propertiesChanged(String path, String iface, Map<String, Object> changed,
                    List<String> invalidated, long arrivalNanos) {
                if (BlueZ.DEVICE.equals(iface) && path.equals(target.path())) {
                    advertised(changed, arrivalNanos);
                }
            }

            @Override
            public void interfacesAdded(String path, Map<String, Map<String, Object>> interfaces) {
                // BlueZ may drop a device it has not heard for a while and add it again with the next advertisement.
                if (path.equals(target.path()) && interfaces.containsKey(BlueZ.DEVICE)) {
                    advertised(interfaces.get(BlueZ.DEVICE), System.nanoTime());
                }
            }

            private void advertised(Map<String, Object> props, long arrivalNanos) {
                if (props.get("ManufacturerData") instanceof Map<?, ?> data
                        && data.get(CraneScaleAdvertisementDecoder.COMPANY_ID) instanceof byte[] payload) {
                    lastAdvert[0] = arrivalNanos;
                    if (running) {
                        frames.accept(payload, arrivalNanos, sink);
                    }
                }
            }

            @Override
            public void bluezGone(String why) {
                ended.complete(why);
            }
        };
        AutoCloseable registration = b.listen(listener);
        try {
            remember(target.address());
            while (true) {
                String why = awaitEnd(ended, () -> {
                    if (frames.samples() > 0) {
                        backoff.reset();
                    }
                    long silent = System.nanoTime() - lastAdvert[0];
                    return silent > config.timings().advertSilence().toNanos() ? "silent" : null;
                });
                if (why == null) {
                    LOG.log(System.Logger.Level.INFO, label + ": stopped after " + frames.summary());
                    return;
                }
                if (!why.equals("silent")) {
                    throw new BleLinkException(BleLinkException.Problem.DISCONNECTED, label, label + ": " + why);
                }
                if (sink.lose(label + ": no advertisement for " + config.timings().advertSilence().toSeconds()
                        + " s (switched off, out of range, or its battery is flat); listening on")) {
                    streamedBefore = true;
                }
                lastAdvert[0] = System.nanoTime();
            }
        } finally {
            closeQuietly(registration);
        }
    }

    /** Checks for a stop, the link's end, or a condition of {@code check}, every {@link #POLL}. */
    private String awaitEnd(CompletableFuture<String> ended, java.util.function.Supplier<String> check)
            throws InterruptedException {
        while (running) {
            try {
                return ended.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                String why = check.get();
                if (why != null) {
                    return why;
                }
            } catch (ExecutionException e) {
                return String.valueOf(e.getCause());
            } catch (InterruptedException e) {
                if (running) {
                    throw e;
                }
            }
        }
        return null;
    }

    private Optional<String> remembered() {
        if (config.memory().isEmpty()) {
            return Optional.empty();
        }
        Path file = config.memory().get();
        try {
            String address = Files.readString(file, StandardCharsets.UTF_8).trim();
            return address.matches("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}") ? Optional.of(address) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void remember(String address) {
        if (config.memory().isEmpty() || address.isEmpty()) {
            return;
        }
        Path file = config.memory().get();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, address + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remember the sensor in " + file + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Removing a listener from a list.
        }
    }

    /** The samples of one link: the first one (after a start or a loss) makes the link STREAMING. */
    private final class LinkSink implements SampleSink {
        private final String label;

        LinkSink(String label) {
            this.label = label;
        }

        @Override
        public void sample(long tNanos, double newtons) {
            delivery.sample(tNanos, newtons, label);
            streamedBefore = true;
        }

        @Override
        public void linkState(LinkState state, String detail) {
            delivery.state(state, detail);
        }

        /** Reports LOST if streaming; true if it did. */
        boolean lose(String detail) {
            return delivery.loseIfStreaming(detail);
        }
    }

    /**
     * The sink behind one lock: calls come from the link thread and from dbus-java's signal thread, and the sink
     * must see them one at a time. Repeats of a state with the same detail are dropped; nothing after STOPPED.
     */
    private static final class Delivery {
        private final SampleSink sink;
        private LinkState state;
        private String detail = "";
        private boolean stopped;

        Delivery(SampleSink sink) {
            this.sink = sink;
        }

        synchronized void sample(long tNanos, double newtons, String label) {
            if (stopped) {
                return;
            }
            if (state != LinkState.STREAMING) {
                state(LinkState.STREAMING, label);
            }
            sink.sample(tNanos, newtons);
        }

        synchronized void state(LinkState newState, String newDetail) {
            if (stopped || newState == state && newDetail.equals(detail)) {
                return;
            }
            state = newState;
            detail = newDetail;
            sink.linkState(newState, newDetail);
        }

        synchronized boolean loseIfStreaming(String newDetail) {
            if (state != LinkState.STREAMING) {
                return false;
            }
            state(LinkState.LOST, newDetail);
            return true;
        }

        synchronized void stopped() {
            state(LinkState.STOPPED, "");
            stopped = true;
        }
    }
}
