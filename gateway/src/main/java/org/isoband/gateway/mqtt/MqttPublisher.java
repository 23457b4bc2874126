package org.isoband.gateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EventPublisher} over MQTT 3.1.1 with Eclipse Paho. All its work happens on one thread (the
 * "loop"): callers and Paho's callbacks only hand tasks to it, so the sensor thread never waits on the
 * network or the disk, and the outbox and the connection state need no locks.
 *
 * <ul>
 *   <li>Rep events and session summaries are stored in the {@link Outbox} first (several per transaction when
 *       they come fast), then published at QoS 1, at most {@link #WINDOW} at a time, oldest first; an event is
 *       marked sent only when the broker's PUBACK arrives. On every (re)connection the unsent are published
 *       again from the oldest: the broker may see an event twice, consumers de-duplicate by id.</li>
 *   <li>When the outbox file cannot be written (disk full, I/O error) the publisher says so in one line and
 *       keeps the newest events in memory (bounded), publishing them from there, and moves them back to the
 *       file as soon as it can be written.</li>
 *   <li>Force samples are batched per band, at most {@code forceRateHz} batches a second, at QoS 0; a batch is
 *       dropped (its samples counted in the next batch's {@code dropped}) when not connected or when earlier
 *       batches have not left yet.</li>
 *   <li>{@code status} is retained "online" with a retained Last Will "offline", and "offline" is published
 *       on {@link #close}. Each band's {@code availability} is retained "online" while samples arrive (the
 *       data heartbeat) and its link is STREAMING. The newest {@code state} of each band is retained.</li>
 *   <li>Reconnection uses {@link Backoff} (exponential, with jitter), not Paho's automatic reconnect.</li>
 * </ul>
 */
public final class MqttPublisher implements EventPublisher {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);
    /** Outbox events in flight at once: enough to fill a loopback or Wi-Fi link, far below Paho's limit. */
    static final int WINDOW = 200;
    private static final int PAHO_MAX_INFLIGHT = 1000;
    /** QoS 0 force batches handed to Paho and not yet written: past this the link is too slow, drop. */
    private static final int FORCE_BACKLOG = 10;
    private static final Duration RETRY_STORE = Duration.ofSeconds(5);

    private final MqttConfig config;
    private final TopicNames topics;
    private final HomeAssistantDiscovery discovery;
    private final ScheduledThreadPoolExecutor loop;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final Map<String, ForceBatcher> force = new ConcurrentHashMap<>();
    private final Random jitter = new Random();
    private final AtomicBoolean closeCalled = new AtomicBoolean();

    // Loop thread only.
    private Outbox outbox;
    private final LinkedHashMap<String, OutboxEntry> memory = new LinkedHashMap<>();
    private final List<OutboxEntry> toStore = new ArrayList<>();
    private final List<OutboxEntry> acked = new ArrayList<>();
    private final Set<String> inflight = new HashSet<>();
    private final Map<String, StateMessage> states = new HashMap<>();
    private final Map<String, Boolean> available = new HashMap<>();
    private long publishedUpTo;
    private boolean connected;
    private boolean connecting;
    private boolean shutDown;
    private int attempt;
    private int forceOutstanding;
    private boolean diskTrouble;
    private boolean memoryFullReported;
    private long lastStoreRetryNanos;

    // Read from any thread.
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong ackedTotal = new AtomicLong();
    private final AtomicLong droppedFromMemory = new AtomicLong();
    private final AtomicLong forceBatches = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean connectedNow;
    private volatile int inMemory;

    private MqttPublisher(MqttConfig config) {
        this.config = config;
        this.topics = config.topics();
        this.discovery = new HomeAssistantDiscovery(topics, version(), (int) Math.max(10, Math.ceil(2 * config.heartbeatS())));
        this.loop = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mqtt-publisher");
            t.setDaemon(true);
            return t;
        });
        loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        loop.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        try {
            client = new MqttAsyncClient(config.brokerUrl(), config.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("broker URL " + config.brokerUrl() + ": " + e.getMessage(), e);
        }
        client.setCallback(new Callback());
        options = connectOptions(config, topics);
        for (String band : config.bands()) {
            available.put(TopicNames.sanitize(band), false);
        }
    }

    /**
     * Opens the outbox (so that {@link #stats} counts what an earlier run left unsent) and starts connecting
     * in the background. Call it when setting up, not from the sensor thread: it waits on the disk.
     */
    public static MqttPublisher start(MqttConfig config) {
        MqttPublisher publisher = new MqttPublisher(config);
        publisher.begin();
        return publisher;
    }

    private static MqttConnectOptions connectOptions(MqttConfig config, TopicNames topics) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // The outbox, not the broker's session, is what makes events durable; a clean session keeps the
        // broker from replaying a stale queue to a gateway that was away for days.
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        o.setMaxInflight(PAHO_MAX_INFLIGHT);
        o.setWill(topics.status(), "offline".getBytes(StandardCharsets.UTF_8), 1, true);
        if (config.username() != null) {
            o.setUserName(config.username());
        }
        if (config.password() != null) {
            o.setPassword(config.password().toCharArray());
        }
        o.setHttpsHostnameVerificationEnabled(true); // the broker's certificate must name the host we dial
        if (!config.tls()) {
            o.setSocketFactory(NoDelaySockets.plain());
        } else if (config.caFile() != null || config.clientCertFile() != null) {
            o.setSocketFactory(NoDelaySockets.tls(TlsSocketFactory.create(config.caFile(), config.clientCertFile(), config.clientKeyFile())));
        } else {
            o.setSocketFactory(NoDelaySockets.tls((javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault()));
        }
        return o;
    }

    private static String version() {
        String v = MqttPublisher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private void begin() {
        try {
            loop.submit(guard(this::openOutbox)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("opening the outbox failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.execute(guard(this::connect));
        long period = Math.max(10, Math.round(1000 / config.forceRateHz()));
        loop.scheduleAtFixedRate(guard(this::forceTick), period, period, TimeUnit.MILLISECONDS);
        loop.scheduleWithFixedDelay(guard(this::heartbeatTick), 200, 200, TimeUnit.MILLISECONDS);
        loop.scheduleWithFixedDelay(guard(this::prune), 1, 600, TimeUnit.SECONDS);
    }

    /** A task that logs a bug instead of silently killing the periodic task it belongs to. */
    private Runnable guard(Runnable task) {
        return () -> {
            try {
                if (!shutDown) {
                    task.run();
                }
            } catch (RuntimeException e) {
                log.error("mqtt publisher: unexpected failure (a bug)", e);
            }
        };
    }

    private boolean submit(Runnable task) {
        try {
            loop.execute(guard(task));
            return true;
        } catch (RejectedExecutionException e) {
            log.warn("mqtt publisher: already closed, not published");
            return false;
        }
    }

    // ---- the outbox -----------------------------------------------------------------------------------------

    private void openOutbox() {
        try {
            outbox = Outbox.open(config.outboxFile(), config.prune());
            long waiting = outbox.unsentCount();
            unsent.addAndGet(waiting);
            if (waiting > 0) {
                log.info("outbox {}: {} event(s) from before wait to be published", config.outboxFile(), waiting);
            }
        } catch (OutboxException e) {
            diskTroubleBegins(e);
        }
    }

    @Override
    public void publishRep(RepMessage rep) {
        unsent.incrementAndGet();
        submit(() -> store(new OutboxEntry(0, rep.id(), OutboxEntry.REP, rep.band(), rep.verdict().name(),
                topics.rep(rep.band()), rep.toJson(), System.currentTimeMillis())));
    }

    @Override
    public void publishSessionSummary(SessionSummary summary) {
        unsent.incrementAndGet();
        submit(() -> store(new OutboxEntry(0, summary.id(), OutboxEntry.SESSION, summary.band(), null,
                topics.session(summary.band()), summary.toJson(), System.currentTimeMillis())));
    }

    @Override
    public void publishMaxTest(MaxTestMessage result) {
        unsent.incrementAndGet();
        submit(() -> store(new OutboxEntry(0, result.id(), OutboxEntry.MAX_TEST, result.band(), null,
                topics.maxTest(result.band()), result.toJson(), System.currentTimeMillis())));
    }

    /** Collects events that arrive together so they are stored in one transaction (one fsync). */
    private void store(OutboxEntry entry) {
        toStore.add(entry);
        if (toStore.size() == 1) {
            loop.execute(guard(this::flushStore));
        }
    }

    private void flushStore() {
        if (toStore.isEmpty()) {
            return;
        }
        List<OutboxEntry> batch = new ArrayList<>(toStore);
        toStore.clear();
        if (outbox != null && memory.isEmpty()) {
            try {
                int stored = outbox.add(batch).size();
                unsent.addAndGet(stored - batch.size()); // an id stored before is not counted twice
                if (diskTrouble) {
                    log.info("outbox {} is writable again", config.outboxFile());
                    diskTrouble = false;
                    memoryFullReported = false;
                }
            } catch (OutboxException e) {
                diskTroubleBegins(e);
                keepInMemory(batch);
            }
        } else {
            // Keeps the order: while older events wait in memory, newer ones queue behind them.
            keepInMemory(batch);
        }
        publishPending();
    }

    private void diskTroubleBegins(OutboxException e) {
        if (!diskTrouble) {
            log.error("OUTBOX NOT WRITABLE: {}; keeping the newest {} events in memory until it can be written again",
                    e.getMessage(), config.prune().memoryEvents());
            diskTrouble = true;
        }
    }

    private void keepInMemory(List<OutboxEntry> batch) {
        for (OutboxEntry e : batch) {
            if (memory.putIfAbsent(e.id(), e) != null) {
                unsent.decrementAndGet();
            }
        }
        while (memory.size() > config.prune().memoryEvents()) {
            String oldest = memory.keySet().iterator().next();
            memory.remove(oldest);
            unsent.decrementAndGet();
            droppedFromMemory.incrementAndGet();
            if (!memoryFullReported) {
                log.error("OUTBOX MEMORY FULL: {} events wait in memory; dropping the oldest ({}) to keep the newest",
                        config.prune().memoryEvents(), oldest);
                memoryFullReported = true;
            }
        }
        inMemory = memory.size();
    }

    /** Moves the events kept in memory back into the file once it can be written again. */
    private void retryStore() {
        if (memory.isEmpty() || System.nanoTime() - lastStoreRetryNanos < RETRY_STORE.toNanos()) {
            return;
        }
        lastStoreRetryNanos = System.nanoTime();
        try {
            if (outbox == null) {
                outbox = Outbox.open(config.outboxFile(), config.prune());
                unsent.addAndGet(outbox.unsentCount());
            }
            List<OutboxEntry> moving = new ArrayList<>(memory.values());
            outbox.add(moving);
            memory.clear();
            inMemory = 0;
            log.info("outbox {} is writable again: {} event(s) moved there from memory", config.outboxFile(), moving.size());
            diskTrouble = false;
            memoryFullReported = false;
            publishPending();
        } catch (OutboxException e) {
            // Still failing: already reported when the trouble began.
        }
    }

    private void prune() {
        if (outbox == null) {
            return;
        }
        try {
            int deleted = outbox.prune(System.currentTimeMillis());
            if (deleted > 0) {
                log.info("outbox: pruned {} sent event(s)", deleted);
            }
        } catch (OutboxException e) {
            diskTroubleBegins(e);
        }
    }

    // ---- publishing events ---------------------------------------------------------------------------------

    /** Publishes unsent events, oldest first, while the window has room. */
    private void publishPending() {
        if (!connected) {
            return;
        }
        int room = WINDOW - inflight.size();
        // The file's events are older than those in memory: they go first, even while it cannot be written.
        if (room > 0 && outbox != null) {
            try {
                for (OutboxEntry e : outbox.unsent(publishedUpTo, room)) {
                    publishedUpTo = e.seq();
                    if (inflight.add(e.id())) {
                        sendEvent(e);
                        room--;
                    }
                }
            } catch (OutboxException e) {
                diskTroubleBegins(e);
            }
        }
        for (OutboxEntry e : memory.values()) {
            if (room <= 0) {
                break;
            }
            if (inflight.add(e.id())) {
                sendEvent(e);
                room--;
            }
        }
    }

    private void sendEvent(OutboxEntry e) {
        send(e.topic(), e.payload(), 1, false, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                submit(() -> onAcked(e));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                submit(() -> onNotAcked(e));
            }
        });
    }

    private void onAcked(OutboxEntry e) {
        inflight.remove(e.id());
        acked.add(e);
        ackedTotal.incrementAndGet();
        if (acked.size() == 1) {
            loop.execute(guard(this::flushAcks));
        }
    }

    /** Not acknowledged (the connection dropped): published again, from the outbox, after reconnecting. */
    private void onNotAcked(OutboxEntry e) {
        inflight.remove(e.id());
        if (e.seq() > 0 && e.seq() <= publishedUpTo) {
            publishedUpTo = e.seq() - 1;
        }
    }

    /** Marks acknowledged events sent, several per transaction, and refills the window. */
    private void flushAcks() {
        if (acked.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(acked.size());
        for (OutboxEntry e : acked) {
            ids.add(e.id());
            if (memory.remove(e.id()) != null) {
                unsent.decrementAndGet();
            }
        }
        inMemory = memory.size();
        acked.clear();
        if (outbox != null) {
            try {
                unsent.addAndGet(-outbox.markSent(ids, System.currentTimeMillis()));
            } catch (OutboxException e) {
                // Still unsent in the file: published once more later, and consumers drop the duplicate.
                diskTroubleBegins(e);
            }
        }
        publishPending();
    }

    private boolean send(String topic, String payload, int qos, boolean retained, IMqttActionListener listener) {
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained, null, listener);
            return true;
        } catch (MqttException e) {
            log.debug("mqtt: publish to {} failed: {}", topic, describe(e));
            if (listener != null) {
                listener.onFailure(null, e);
            }
            return false;
        }
    }

    // ---- live topics ---------------------------------------------------------------------------------------

    @Override
    public void publishState(StateMessage state) {
        submit(() -> {
            states.put(state.band(), state);
            if (connected) {
                send(topics.state(state.band()), state.toJson(), 1, true, null);
            }
            updateAvailability(state.band());
        });
    }

    @Override
    public void publishForce(String band, Instant at, double newtons) {
        force.computeIfAbsent(band, b -> new ForceBatcher(topics.gateway(), TopicNames.sanitize(b)))
                .offer(at, newtons, System.nanoTime());
    }

    private void forceTick() {
        for (ForceBatcher batcher : force.values()) {
            ForceBatch batch = batcher.drain();
            if (batch == null) {
                continue;
            }
            if (!connected || forceOutstanding >= FORCE_BACKLOG) {
                batcher.notSent(batch);
                continue;
            }
            forceOutstanding++;
            forceBatches.incrementAndGet();
            send(topics.force(batch.band()), batch.toJson(), 0, false, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    submit(() -> forceOutstanding = Math.max(0, forceOutstanding - 1));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    submit(() -> forceOutstanding = Math.max(0, forceOutstanding - 1));
                }
            });
        }
    }

    private void heartbeatTick() {
        Set<String> bands = new LinkedHashSet<>(available.keySet());
        for (ForceBatcher b : force.values()) {
            bands.add(b.band());
        }
        bands.addAll(states.keySet());
        for (String band : bands) {
            updateAvailability(band);
        }
        retryStore();
    }

    /** A band is available while its samples arrive (the data heartbeat) and its link is streaming. */
    private void updateAvailability(String band) {
        ForceBatcher batcher = batcherOf(band);
        long last = batcher == null ? Long.MIN_VALUE : batcher.lastSampleNanos();
        boolean beating = last != Long.MIN_VALUE && System.nanoTime() - last < config.heartbeatS() * 1e9;
        StateMessage state = states.get(band);
        boolean online = beating && (state == null || state.link().equals("STREAMING"));
        Boolean before = available.put(band, online);
        if (connected && (before == null || before != online)) {
            send(topics.availability(band), online ? "online" : "offline", 1, true, null);
        }
    }

    private ForceBatcher batcherOf(String band) {
        for (ForceBatcher b : force.values()) {
            if (b.band().equals(band)) {
                return b;
            }
        }
        return null;
    }

    // ---- the connection ------------------------------------------------------------------------------------

    private void connect() {
        if (connected || connecting || shutDown) {
            return;
        }
        connecting = true;
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    submit(MqttPublisher.this::onConnected);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    submit(() -> onConnectFailed(cause));
                }
            });
        } catch (MqttException e) {
            onConnectFailed(e);
        }
    }

    private void onConnectFailed(Throwable cause) {
        connecting = false;
        long delay = config.backoff().delayMillis(attempt++, jitter::nextDouble);
        log.warn("mqtt: cannot connect to {}: {}; retrying in {} ms ({} event(s) wait in the outbox)",
                config.brokerUrl(), describe(cause), delay, unsent.get());
        loop.schedule(guard(this::connect), delay, TimeUnit.MILLISECONDS);
    }

    private void onConnected() {
        connecting = false;
        connected = true;
        connectedNow = true;
        attempt = 0;
        connects.incrementAndGet();
        log.info("mqtt: connected to {} as {}; {} event(s) to publish", config.brokerUrl(), config.clientId(), unsent.get());
        send(topics.status(), "online", 1, true, null);
        try {
            client.subscribe(topics.homeAssistantStatus(), 0);
        } catch (MqttException e) {
            log.warn("mqtt: cannot subscribe to {}: {}", topics.homeAssistantStatus(), describe(e));
        }
        announceDiscovery();
        for (Map.Entry<String, Boolean> band : available.entrySet()) {
            send(topics.availability(band.getKey()), band.getValue() ? "online" : "offline", 1, true, null);
        }
        for (StateMessage state : states.values()) {
            send(topics.state(state.band()), state.toJson(), 1, true, null);
        }
        inflight.clear();
        publishedUpTo = 0;
        forceOutstanding = 0;
        publishPending();
    }

    private void onConnectionLost(Throwable cause) {
        if (!connected) {
            return;
        }
        connected = false;
        connectedNow = false;
        inflight.clear();
        long delay = config.backoff().delayMillis(attempt++, jitter::nextDouble);
        log.warn("mqtt: lost the connection to {}: {}; reconnecting in {} ms ({} event(s) wait in the outbox)",
                config.brokerUrl(), describe(cause), delay, unsent.get());
        loop.schedule(guard(this::connect), delay, TimeUnit.MILLISECONDS);
    }

    /** One line for a log: Paho's reason and the underlying cause (connection refused, not authorized...). */
    static String describe(Throwable t) {
        if (t == null) {
            return "no reason given";
        }
        StringBuilder s = new StringBuilder(String.valueOf(t.getMessage()));
        if (t instanceof MqttException m) {
            s.append(" (code ").append(m.getReasonCode()).append(')');
        }
        if (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) {
            s.append(": ").append(t.getCause().getMessage());
        }
        String text = s.toString();
        if (text.contains("PKIX path")) {
            return "TLS: the broker's certificate is not signed by a trusted CA (check caFile): " + text;
        }
        if (text.contains("No subject alternative") || text.contains("No name matching")) {
            return "TLS: the broker's certificate does not name the host in the broker URL: " + text;
        }
        return text;
    }

    // ---- Home Assistant discovery --------------------------------------------------------------------------

    /** Announces the configured bands and removes the configs of bands announced before but gone now. */
    private void announceDiscovery() {
        if (!connected) {
            return;
        }
        Map<String, String> before = new LinkedHashMap<>();
        if (outbox != null) {
            try {
                before.putAll(outbox.announced());
            } catch (OutboxException e) {
                diskTroubleBegins(e);
            }
        }
        Set<String> wanted = new HashSet<>();
        for (String band : config.bands()) {
            for (HomeAssistantDiscovery.Config c : discovery.configs(band)) {
                wanted.add(c.topic());
                boolean known = before.containsKey(c.topic());
                send(c.topic(), c.payload(), 1, true, afterAck(() -> {
                    if (!known && outbox != null) {
                        outbox.announce(c.topic(), c.band());
                    }
                }));
            }
        }
        for (Map.Entry<String, String> old : before.entrySet()) {
            if (!wanted.contains(old.getKey())) {
                send(old.getKey(), "", 1, true, afterAck(() -> {
                    if (outbox != null) {
                        outbox.forget(old.getKey());
                    }
                    log.info("home assistant: removed {} (band {} is no longer configured)", old.getKey(), old.getValue());
                }));
            }
        }
    }

    private IMqttActionListener afterAck(Runnable onLoop) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                submit(() -> {
                    try {
                        onLoop.run();
                    } catch (OutboxException e) {
                        diskTroubleBegins(e);
                    }
                });
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                // Announced again on the next connection.
            }
        };
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            submit(() -> onConnectionLost(cause));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Home Assistant's birth message: it restarted and may have lost what it knew; announce again.
            if (topic.equals(topics.homeAssistantStatus()) && "online".equals(new String(message.getPayload(), StandardCharsets.UTF_8))) {
                submit(MqttPublisher.this::announceDiscovery);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Each publish has its own listener.
        }
    }

    // ---- reading and closing -------------------------------------------------------------------------------

    public PublisherStats stats() {
        long dropped = 0;
        for (ForceBatcher b : force.values()) {
            dropped += b.droppedTotal();
        }
        return new PublisherStats(connectedNow, unsent.get(), inMemory, droppedFromMemory.get(), ackedTotal.get(),
                forceBatches.get(), dropped, connects.get());
    }

    /** Waits until every stored event was acknowledged, or the timeout passes; true when all were. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (unsent.get() == 0) {
                return true;
            }
            Thread.sleep(5);
        }
        return unsent.get() == 0;
    }

    @Override
    public RepCounts repCountsSince(String band, Instant since) {
        try {
            return loop.submit(() -> {
                if (outbox == null) {
                    return RepCounts.NONE;
                }
                RepCounts counts = outbox.repCounts(TopicNames.sanitize(band), since.toEpochMilli());
                for (OutboxEntry e : memory.values()) {
                    if (e.kind().equals(OutboxEntry.REP) && e.band().equals(TopicNames.sanitize(band)) && e.createdMs() >= since.toEpochMilli()) {
                        counts = counts.plus("HELD".equals(e.verdict()));
                    }
                }
                return counts;
            }).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("outbox: cannot count today's reps of {}: {}", band, e.getCause() == null ? e : e.getCause().getMessage());
            return RepCounts.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RepCounts.NONE;
        }
    }

    /** Closes after waiting up to 2 s for unacknowledged events; those not acknowledged stay in the outbox. */
    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    public void close(Duration drain) {
        if (!closeCalled.compareAndSet(false, true)) {
            return;
        }
        try {
            loop.submit(this::flushStore).get(5, TimeUnit.SECONDS);
            if (connectedNow) {
                awaitDrained(drain);
            }
            loop.submit(this::goodbye).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("mqtt: closing did not finish cleanly: {}", e.getCause() == null ? e : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loop.shutdownNow();
        }
    }

    private void goodbye() {
        flushAcks();
        shutDown = true;
        try {
            if (connected) {
                for (String band : available.keySet()) {
                    send(topics.availability(band), "offline", 1, true, null);
                }
                IMqttToken offline = client.publish(topics.status(), "offline".getBytes(StandardCharsets.UTF_8), 1, true);
                offline.waitForCompletion(2000);
                client.disconnect(1000).waitForCompletion(2000);
            } else {
                client.disconnectForcibly(0, 100, false);
            }
        } catch (MqttException e) {
            log.warn("mqtt: saying goodbye to {}: {}", config.brokerUrl(), describe(e));
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("mqtt: close: {}", describe(e));
        }
        connected = false;
        connectedNow = false;
        if (outbox != null) {
            outbox.close();
            outbox = null;
        }
        long left = unsent.get();
        if (left > 0) {
            log.info("mqtt: closed with {} event(s) not yet acknowledged; they are published on the next start", left);
        }
    }
}
