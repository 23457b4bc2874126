package org.isoband.device.ble;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.isoband.core.retry.Backoff;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SampleSource;
import org.isoband.device.source.SourceDescription;
import org.isoband.device.source.SourceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BLE force sensor through BlueZ: finds it, runs its {@link SensorLink} (a GATT connection, or for the crane
 * scale listening to its advertisements) that streams its readings to the sink, and when the link goes reports
 * {@link LinkState#LOST} and reconnects with exponential backoff and jitter until {@link #stop}. Link states go
 * CONNECTING (until the first sample), STREAMING, then LOST and STREAMING in turn; never CONNECTING again after a
 * loss, since the gateway resumes a session on LOST to STREAMING.
 *
 * <p>One thread of its own ("source-ble") runs the link: D-Bus calls, waits and backoff; a stop interrupts it,
 * which cuts a D-Bus wait short. Samples come from dbus-java's signal thread as notifications arrive. Both reach
 * the sink through one lock ({@link Delivery}), so the sink sees one call at a time, in order, and nothing after
 * STOPPED.
 *
 * <p>The BlueZ quirks it handles, each where it arises: BlueZ lists cached devices that may be gone, so a device
 * is only connected after it advertised in this discovery; a sensor held by another central does not advertise,
 * and the user is told so; the links handle the rest (see {@link GattLink}).
 */
public final class BleSource implements SampleSource {
    private static final Logger LOG = LoggerFactory.getLogger(BleSource.class);
    /** The first try after a loss, and the most it may be shortened by (jitter 0.5: 0.25-0.5 s, then 0.5-1 s...). */
    private static final double JITTER = 0.5;
    /** Long enough for the stop command, StopNotify and Disconnect with their short timeouts. */
    private static final Duration STOP_JOIN = Duration.ofSeconds(10);

    private final BleConfig config;
    private final Map<String, String> environment;
    private final SourceDescription description;
    private final RandomGenerator random;
    private final RememberedDevice memory;
    private final SourceThread thread = new SourceThread("source-ble", SourceThread.StopMode.INTERRUPT, STOP_JOIN);
    private final List<FrameStream> links = new CopyOnWriteArrayList<>();
    private Delivery delivery;
    private BlueZ bluez;

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
        this.memory = new RememberedDevice(config.memory());
        this.description = new SourceDescription("BLE " + config.wanted() + " on " + config.adapter(), "ble",
                DeviceKind.of(config.profile()).orElse(DeviceKind.ISOBAND).nominalHz());
    }

    @Override
    public SourceDescription description() {
        return description;
    }

    @Override
    public synchronized void start(SampleSink sink) {
        if (thread.started()) {
            throw new IllegalStateException(description.name() + " was already started");
        }
        delivery = new Delivery(sink);
        thread.start(this::run);
    }

    @Override
    public void stop() {
        thread.stop();
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
        Backoff.Attempts backoff = new Backoff(config.timings().backoffInitial(), config.timings().backoffMax(), JITTER)
                .attempts(random);
        LinkContext context = new LinkContext(config, thread::running, delivery, backoff, memory, links);
        delivery.state(LinkState.CONNECTING, "looking for " + config.wanted() + " on " + config.adapter());
        try {
            while (thread.running()) {
                String why;
                try {
                    runLink(connectedBlueZ(), context);
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
                    LOG.error(why, e);
                    dropBlueZ();
                }
                if (!thread.running()) {
                    break;
                }
                Duration wait = backoff.next();
                delivery.state(delivery.streamedBefore() ? LinkState.LOST : LinkState.CONNECTING, why);
                LOG.info("{}; retrying in {} s (attempt {})", why,
                        String.format(java.util.Locale.ROOT, "%.1f", wait.toMillis() / 1000.0), backoff.failures());
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
    private void runLink(BlueZ b, LinkContext context) throws BleException, InterruptedException {
        String adapterPath = BleScanner.adapterPath(b, config.adapter());
        try (Devices devices = new Devices(b, adapterPath);
             Discovery discovery = Discovery.start(b, adapterPath, config.profile(), devices)) {
            Advertisement target = find(devices);
            DeviceKind kind = kindOf(target);
            SensorLink.of(kind, context, b, devices).run(target, discovery);
        }
    }

    /** The target's kind: as recognised, else (a named device of an explicit profile) the profile's. */
    private DeviceKind kindOf(Advertisement ad) throws BleLinkException {
        Optional<DeviceKind> kind = ad.kind().filter(config.profile()::accepts);
        if (kind.isPresent()) {
            return kind.get();
        }
        Optional<DeviceKind> profiled = DeviceKind.of(config.profile());
        if (profiled.isEmpty()) {
            throw new BleLinkException(BleLinkException.Problem.MISSING_CHARACTERISTIC, ad.label(), ad.label()
                    + " is not a supported sensor (set the profile if it is one)");
        }
        return profiled.get();
    }

    /** Waits for the wanted device to advertise, or to be connected already (by another program on this computer). */
    private Advertisement find(Devices devices) throws BleException, InterruptedException {
        BleTimings t = config.timings();
        boolean profileConnects = DeviceKind.of(config.profile()).map(DeviceKind::connects).orElse(true);
        // Advertising now, or connected already by another program here (a connected peripheral is silent).
        Predicate<Advertisement> present = ad -> ad.fresh() || ad.connected()
                && ad.kind().map(DeviceKind::connects).orElse(profileConnects);
        Predicate<Advertisement> supported = ad -> ad.kind().filter(config.profile()::accepts).isPresent();
        Optional<Advertisement> found;
        if (!config.device().isEmpty()) {
            // A named device of an explicit profile is taken even if it does not advertise what identifies it.
            found = devices.await(ad -> ad.isNamed(config.device()) && present.test(ad)
                    && (supported.test(ad) || config.profile() != BleProfile.AUTO), t.find());
        } else {
            Optional<String> remembered = memory.address();
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
}
